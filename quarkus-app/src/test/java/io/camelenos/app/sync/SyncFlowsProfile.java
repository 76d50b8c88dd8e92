package io.camelenos.app.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelenos.app.EnosEmulatorResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The three sync flows started against the test emulator (100 assets), polling every 500 ms: assets in pages of 30
 * (so a sync spans several pages), telemetry of four turbines over the last 3 hours in requests of 50 samples per
 * pair, alerts forwarded to {@link ForwardedAlerts}. Retries are short so that failures show quickly.
 */
public class SyncFlowsProfile implements QuarkusTestProfile {

    /** Two turbines of each of the two wind farms of a 100-asset emulator. */
    static final String TURBINES = "modelId = 'EnOS_Wind_Turbine' and tags.position in ('1','2')";
    static final List<String> POINTS = List.of("WTG.GenActivePW", "WTG.WindSpeed");

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("camel-enos.assets.enabled", "true");
        config.put("camel-enos.assets.delay", "500ms");
        config.put("camel-enos.assets.page-size", "30");
        config.put("camel-enos.telemetry.enabled", "true");
        config.put("camel-enos.telemetry.delay", "500ms");
        config.put("camel-enos.telemetry.asset-expression", TURBINES);
        config.put("camel-enos.telemetry.point-ids", String.join(",", POINTS));
        config.put("camel-enos.telemetry.start-time", "PT3H");
        config.put("camel-enos.telemetry.lookback", "2m");
        config.put("camel-enos.telemetry.page-size", "50");
        config.put("camel-enos.alerts.enabled", "true");
        config.put("camel-enos.alerts.delay", "500ms");
        config.put("camel-enos.alerts.page-size", "10");
        config.put("camel-enos.alerts.forward-uri", ForwardedAlerts.URI);
        config.put("camel-enos.sync.write-retry-delay", "50ms");
        config.put("camel.component.enos.max-retries", "1");
        config.put("camel.component.enos.retry-initial-backoff", "20");
        config.put("camel.component.enos.retry-max-backoff", "50");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EnosEmulatorResource.class));
    }
}
