package io.camelenos.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.camelenos.app.EtlConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster settings are checked at start: defaults, unknown kinds and settings that contradict each other. */
class ClusterSettingsTest {

    @TempDir
    Path dir;

    @Test
    void clusterModeAloneUsesTheFileServiceInTheTempDirectory() {
        ClusterMode.Settings s = ClusterMode.Settings.of(new Cluster(true, null, null, 8, null, Duration.ofSeconds(3), 3));
        assertTrue(s.enabled());
        assertEquals(ClusterKind.FILE, s.kind());
        assertEquals(8, s.telemetryPartitions());
        assertEquals(Duration.ofSeconds(3), s.joinInterval());
        assertEquals(Path.of(System.getProperty("java.io.tmpdir"), "camel-enos-cluster"), s.root());
        assertTrue(s.instanceId().matches("[A-Za-z0-9][A-Za-z0-9._-]*-\\d+"), s.instanceId());
    }

    @Test
    void offByDefaultWithOnePartition() {
        ClusterMode.Settings s = ClusterMode.Settings.of(new Cluster(false, null, "a", 8, null, Duration.ofSeconds(3), 3));
        assertFalse(s.enabled());
        assertEquals(1, s.telemetryPartitions());
    }

    @Test
    void anUnknownKindFailsNamingItAndTheKnownOnes() {
        String message = fails(new Cluster(true, "zookeeper", null, 8, null, Duration.ofSeconds(3), 3));
        assertEquals("camel-enos.cluster.kind 'zookeeper' is unknown: use file, kubernetes", message);
    }

    @Test
    void settingsThatContradictEachOtherFail() throws Exception {
        assertTrue(fails(new Cluster(false, "file", null, 8, null, Duration.ofSeconds(3), 3))
                .startsWith("camel-enos.cluster.kind is set but camel-enos.cluster.enabled is false"));
        assertTrue(fails(new Cluster(false, null, null, 8, dir.toString(), Duration.ofSeconds(3), 3))
                .startsWith("camel-enos.cluster.file.root is set but camel-enos.cluster.enabled is false"));
        Path file = Files.createFile(dir.resolve("not-a-directory"));
        assertEquals("camel-enos.cluster.file.root must be a directory, was " + file,
                fails(new Cluster(true, "file", null, 8, file.toString(), Duration.ofSeconds(3), 3)));
    }

    @Test
    void badValuesFailNamingTheKeyAndTheValue() {
        assertEquals("camel-enos.cluster.telemetry-partitions must be between 1 and 4096, was 0",
                fails(new Cluster(true, null, "a", 0, dir.toString(), Duration.ofSeconds(3), 3)));
        assertTrue(fails(new Cluster(true, null, "a", 8, dir.toString(), Duration.ofMillis(10), 3))
                .startsWith("camel-enos.cluster.file.acquire-lock-interval must be at least 100ms, was PT0.01S"));
        assertTrue(fails(new Cluster(true, null, "a", 8, dir.toString(), Duration.ofSeconds(3), 1))
                .startsWith("camel-enos.cluster.file.heartbeat-timeout-multiplier must be at least 2"));
        assertEquals("camel-enos.cluster.join-interval must be between 0 and PT1M, was PT-1S",
                fails(new Cluster(true, null, "a", 8, dir.toString(), Duration.ofSeconds(3), 3, Duration.ofSeconds(-1))));
        assertEquals("camel-enos.cluster.join-interval must be between 0 and PT1M, was PT2M",
                fails(new Cluster(true, null, "a", 8, dir.toString(), Duration.ofSeconds(3), 3, Duration.ofMinutes(2))));
        assertTrue(fails(new Cluster(true, null, "a b\n", 8, dir.toString(), Duration.ofSeconds(3), 3))
                .startsWith("camel-enos.cluster.instance-id must be 1 to 64 letters"));
    }

    private static String fails(Cluster cluster) {
        return assertThrows(IllegalArgumentException.class, () -> ClusterMode.Settings.of(cluster)).getMessage();
    }

    /** Settings as SmallRye Config would hand them over. */
    private record Cluster(boolean enabled, String kindName, String id, int telemetryPartitions, String rootDir,
                           Duration interval, int heartbeatTimeoutMultiplier, Duration joinInterval)
            implements EtlConfig.Cluster {

        /** With the default join interval. */
        Cluster(boolean enabled, String kindName, String id, int telemetryPartitions, String rootDir, Duration interval,
                int heartbeatTimeoutMultiplier) {
            this(enabled, kindName, id, telemetryPartitions, rootDir, interval, heartbeatTimeoutMultiplier,
                    Duration.ofSeconds(3));
        }

        @Override
        public Optional<String> kind() {
            return Optional.ofNullable(kindName);
        }

        @Override
        public Optional<String> instanceId() {
            return Optional.ofNullable(id);
        }

        @Override
        public File file() {
            return new File() {
                @Override
                public Optional<String> root() {
                    return Optional.ofNullable(rootDir);
                }

                @Override
                public Duration acquireLockInterval() {
                    return interval;
                }

                @Override
                public int heartbeatTimeoutMultiplier() {
                    return heartbeatTimeoutMultiplier;
                }
            };
        }

        @Override
        public Kubernetes kubernetes() {
            return KubernetesSettings.none();
        }
    }
}
