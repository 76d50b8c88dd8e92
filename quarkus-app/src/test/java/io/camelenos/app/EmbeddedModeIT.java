package io.camelenos.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The embedded mode is explicit and safe: the README's command listens on loopback only; without a gateway URL the app
 * refuses to start on a database that is not the embedded H2, naming both settings, and leaves that database alone.
 */
class EmbeddedModeIT {

    @Test
    void theDemoListensOnLoopbackOnly() throws Exception {
        try (PackagedApp app = PackagedApp.start("embedded", PackagedApp.env(
                "CAMEL_ENOS_ASSETS_ENABLED", "false",
                "CAMEL_ENOS_TELEMETRY_ENABLED", "false",
                "CAMEL_ENOS_ALERTS_ENABLED", "false")).awaitListening(Duration.ofSeconds(120))) {
            assertEquals("127.0.0.1", app.host(), app.output());
            assertTrue(app.output().contains("Embedded mode"), app.output());
        }
    }

    @Test
    void withoutAGatewayUrlAPostgresqlDatabaseIsRefused() throws Exception {
        PackagedApp app = PackagedApp.start("refused", PackagedApp.env(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/enos-production"));
        int exit = app.awaitExit(Duration.ofSeconds(120));
        String output = app.output();
        assertNotEquals(0, exit, output);
        assertTrue(output.contains("camel.component.enos.gateway-url"), output);
        assertTrue(output.contains("camel-enos.emulator.enabled"), output);
        assertTrue(output.contains("CAMEL_COMPONENT_ENOS_GATEWAY_URL"), output);
        assertFalse(output.contains("Migrating schema"), "the refused start touched the database:\n" + output);
        assertFalse(output.contains("Listening on"), output);
    }
}
