package io.camelenos.app.sync;

import java.util.List;
import java.util.Map;

import io.camelenos.app.EnosEmulatorResource;

/**
 * The sync flows' profile on PostgreSQL: the database kind is fixed when Quarkus builds the app, and a test profile
 * builds its own, so it can switch it; the connection is a fresh schema ({@link PostgresqlSchemaResource}).
 */
public class SyncFlowsOnPostgresqlProfile extends SyncFlowsProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = super.getConfigOverrides();
        config.put("quarkus.datasource.db-kind", "postgresql");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EnosEmulatorResource.class),
                new TestResourceEntry(PostgresqlSchemaResource.class));
    }
}
