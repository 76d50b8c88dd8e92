package io.camelenos.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.camelenos.app.enos.GatewayMode;
import org.junit.jupiter.api.Test;

/** Which EnOS the app uses, for each combination of gateway URL, emulator switch and database. */
class GatewayModeTest {

    private static final String H2 = "jdbc:h2:mem:camel-enos";
    private static final String POSTGRESQL = "jdbc:postgresql://db:5432/enos?password=pw";

    @Test
    void aGatewayUrlMeansTheConfiguredTenant() {
        assertEquals(GatewayMode.CONFIGURED, mode("https://apim.example", null, POSTGRESQL));
        assertEquals(GatewayMode.CONFIGURED, mode("https://apim.example", "false", H2));
    }

    @Test
    void noGatewayOnTheEmbeddedH2IsTheDemo() {
        assertEquals(GatewayMode.EMBEDDED, mode(null, null, H2));
        assertEquals(GatewayMode.EMBEDDED, mode(null, null, "jdbc:h2:file:./data/camel-enos"));
    }

    @Test
    void noGatewayOnPostgresqlIsRefusedNamingBothSettings() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> mode(null, null, POSTGRESQL));
        assertTrue(refused.getMessage().contains("camel.component.enos.gateway-url"), refused.getMessage());
        assertTrue(refused.getMessage().contains("camel-enos.emulator.enabled"), refused.getMessage());
        assertTrue(refused.getMessage().contains("jdbc:postgresql://db:5432/enos?..."), refused.getMessage());
        assertTrue(!refused.getMessage().contains("password=pw"), "the JDBC URL's query may hold a password");
    }

    @Test
    void theEmulatorAskedForExplicitlyRunsOnAnyDatabase() {
        assertEquals(GatewayMode.EMBEDDED, mode(null, "true", POSTGRESQL));
    }

    @Test
    void contradictionsAndBadValuesAreRefused() {
        assertThrows(IllegalStateException.class, () -> mode("https://apim.example", "true", H2));
        assertThrows(IllegalStateException.class, () -> mode(null, "false", H2));
        IllegalStateException bad = assertThrows(IllegalStateException.class, () -> mode(null, "yes", H2));
        assertTrue(bad.getMessage().contains("camel-enos.emulator.enabled must be true or false, was yes"));
    }

    private static GatewayMode mode(String gatewayUrl, String emulator, String jdbcUrl) {
        Map<String, String> settings = new HashMap<>();
        settings.put("camel.component.enos.gateway-url", gatewayUrl);
        settings.put("camel-enos.emulator.enabled", emulator);
        settings.put("quarkus.datasource.jdbc.url", jdbcUrl);
        return GatewayMode.of(key -> Optional.ofNullable(settings.get(key)));
    }
}
