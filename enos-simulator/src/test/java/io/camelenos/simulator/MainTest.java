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
                "--threads", "4"}).config();

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
