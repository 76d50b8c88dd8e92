package io.camelenos.app.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The app as the README runs it (no gateway configured: its own embedded emulator, here with 100 assets) with the three
 * flows polling every 500 ms: assets in pages of 30, the last day of four turbines' power and wind speed in TSDB
 * answers of 60 samples per pair (a backfill of 24 answers), the alerts, into an H2 database of its own. Retries are
 * short so that failures show fast.
 */
public class StatusPageProfile implements QuarkusTestProfile {

    /** Two turbines of each of the two wind farms of a 100-asset emulator. */
    static final String TURBINES = "modelId = 'EnOS_Wind_Turbine' and tags.position in ('1','2')";
    static final List<String> POINTS = List.of("WTG.GenActivePW", "WTG.WindSpeed");

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        // a database of its own: an in-memory H2 outlives a Quarkus restart in the same JVM, and the tests compare the
        // flows' counts with the tables
        config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:camel-enos-status;DB_CLOSE_DELAY=-1");
        // the README's run: the app's own embedded emulator (EnosGateway), not the camel-quarkus-enos Dev Service's
        config.put("quarkus.camel.enos.devservices.enabled", "false");
        config.put("camel-enos.emulator.assets", "100");
        config.put("camel-enos.assets.enabled", "true");
        config.put("camel-enos.assets.delay", "500ms");
        config.put("camel-enos.assets.page-size", "30");
        config.put("camel-enos.telemetry.enabled", "true");
        config.put("camel-enos.telemetry.delay", "500ms");
        config.put("camel-enos.telemetry.asset-expression", TURBINES);
        config.put("camel-enos.telemetry.point-ids", String.join(",", POINTS));
        config.put("camel-enos.telemetry.start-time", "P1D");
        config.put("camel-enos.telemetry.lookback", "2m");
        config.put("camel-enos.telemetry.page-size", "60");
        config.put("camel-enos.alerts.enabled", "true");
        config.put("camel-enos.alerts.delay", "500ms");
        config.put("camel-enos.sync.write-retry-delay", "50ms");
        config.put("camel.component.enos.max-retries", "1");
        config.put("camel.component.enos.retry-initial-backoff", "20");
        config.put("camel.component.enos.retry-max-backoff", "50");
        return config;
    }
}
