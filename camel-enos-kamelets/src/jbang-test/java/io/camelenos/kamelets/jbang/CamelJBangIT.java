package io.camelenos.kamelets.jbang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.EnosSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camel JBang's {@code camel run} (camel-jbang-core, in a child JVM, as the {@code camel} command runs it) on the root
 * README's "No Java" files, with this build's jars on its classpath, against the emulator. Only in the jbang profile.
 */
class CamelJBangIT {

    private static final Path README = Path.of("../README.md");

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(100));

    @TempDir
    Path dir;

    @Test
    void camelRunRunsTheReadmesRouteAndPipe() throws Exception {
        EnosSimulator sim = enos.simulator();
        sim.clock().fixAt(Instant.parse("2024-03-05T12:00:00Z"));
        String readme = Files.readString(README);
        // the printed properties, pointed at this emulator's port instead of 8089
        Files.writeString(dir.resolve("application.properties"),
                block(readme, "properties").replace("http://127.0.0.1:8089", sim.baseUrl()));
        Files.writeString(dir.resolve("assets.camel.yaml"), block(readme, "route"));
        Files.writeString(dir.resolve("alerts-pipe.yaml"), block(readme, "pipe"));

        Path output = dir.resolve("jbang.out");
        Process camel = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JBangLauncher.class.getName(),
                "run", "assets.camel.yaml", "alerts-pipe.yaml", "application.properties", "--max-seconds=15"))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(camel.waitFor(3, TimeUnit.MINUTES), "camel run ended");
        String log = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(log);

        assertEquals(0, camel.exitValue(), "camel run's exit code");
        assertTrue(log.contains("asset " + sim.dataSet().assetId(0) + ": {\"assetId\""), "the route logged the assets");
        assertTrue(log.contains("CamelEnosAlertState=ACTIVE"), "the Pipe logged the active alerts");
        assertFalse(log.contains("Error downloading: io.camelenos"), "the Kamelets' mvn: dependency came from the classpath");
        assertFalse(log.contains(sim.appSecret()), "the app secret is logged");
    }

    private static String block(String readme, String name) {
        Matcher m = Pattern.compile("<!-- no-java:" + name + " -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README block " + name);
        return m.group(1);
    }
}
