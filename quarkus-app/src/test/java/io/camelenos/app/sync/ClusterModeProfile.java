package io.camelenos.app.sync;

import java.nio.file.Files;
import java.util.Map;

/**
 * The sync flows of {@link SyncFlowsProfile} in cluster mode: a file-lock cluster service on a fresh lock directory,
 * the telemetry export split into four partition routes, a short lock interval and join interval so that leadership is taken within seconds.
 */
public class ClusterModeProfile extends SyncFlowsProfile {

    static final String INSTANCE = "test-instance-a";
    static final int PARTITIONS = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = super.getConfigOverrides();
        // a database of its own: an in-memory H2 outlives the app in the test JVM, and the next profile's flows
        // would find this one's rows and state
        config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:camel-enos-cluster;DB_CLOSE_DELAY=-1");
        config.put("camel-enos.cluster.enabled", "true");
        config.put("camel-enos.cluster.instance-id", INSTANCE);
        config.put("camel-enos.cluster.telemetry-partitions", String.valueOf(PARTITIONS));
        config.put("camel-enos.cluster.file.acquire-lock-interval", "500ms");
        // short, so that the routes are led within seconds, yet they still join their elections one by one
        config.put("camel-enos.cluster.join-interval", "200ms");
        try {
            config.put("camel-enos.cluster.file.root", Files.createTempDirectory("camel-enos-cluster").toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return config;
    }
}
