package io.camelenos.simulator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @Test
    void everyFlagReachesTheConfiguration() {
        SimulatorConfig c = Main.parse(new String[] {"--port", "0", "--app-key", "k", "--app-secret", "s",
                "--org-id", "o9", "--assets", "1000", "--seed", "5", "--auth", "lenient", "--token-ttl", "60",
                "--threads", "4"}).builder.config();

        assertEquals("k", c.appKey());
        assertEquals("s", c.appSecret());
        assertEquals("o9", c.orgId());
        assertEquals(1000, c.assets());
        assertEquals(5, c.seed());
        assertEquals(AuthMode.LENIENT, c.authMode());
        assertEquals(60, c.tokenTtlSeconds());
        assertEquals(4, c.threads());
    }

    @Test
    void faultFlagsReachTheRunningEmulator() {
        Main.Flags flags = Main.parse(new String[] {"--latency", "10", "--latency-jitter", "5", "--error-rate", "0.1",
                "--rate-limit-rate", "0.02", "--retry-after", "1", "--drop-rate", "0.01", "--malformed-rate", "0",
                "--reset-rate", "0.01", "--trickle-rate", "0.03", "--trickle-ms", "50"});
        try (EnosSimulator sim = flags.start()) {
            var faults = sim.faults().toJson();
            assertEquals(10, faults.get("latencyMillis").asLong());
            assertEquals(5, faults.get("latencyJitterMillis").asLong());
            assertEquals(0.1, faults.get("serverErrorRate").asDouble());
            assertEquals(0.02, faults.get("rateLimitRate").asDouble());
            assertEquals(0.01, faults.get("dropRate").asDouble());
            assertEquals(0.01, faults.get("resetRate").asDouble());
            assertEquals(0.03, faults.get("trickleRate").asDouble());
            assertEquals(50, faults.get("trickleMillis").asLong());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--error-rate", "2"}))
                .getMessage().contains("--error-rate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--latency", "-1"}))
                .getMessage().contains("-1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Main.parse(new String[] {"--tls-truststore-out", "x.p12"})).getMessage().contains("--tls"));
    }

    @Test
    void tlsFlagServesHttps() {
        try (EnosSimulator sim = Main.parse(new String[] {"--tls"}).start()) {
            assertTrue(sim.baseUrl().startsWith("https://127.0.0.1:"), sim.baseUrl());
            assertTrue(sim.tls().certificate().getSubjectX500Principal().getName().contains("localhost"));
        }
    }

    @Test
    void helpListsEveryFlag() {
        assertNull(Main.parse(new String[] {"--help"}));
        for (String flag : new String[] {"--port", "--app-key", "--app-secret", "--org-id", "--assets", "--seed",
                "--auth", "--token-ttl"}) {
            assertTrue(Main.USAGE.contains(flag), flag);
        }
    }

    @Test
    void badFlagsFailNamingTheFlagAndValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--auth", "loose"}))
                .getMessage().contains("loose"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--assets", "many"}))
                .getMessage().contains("--assets"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--assets", "0"}))
                .getMessage().contains("assets=0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--colour", "red"}))
                .getMessage().contains("--colour"));
    }
}
