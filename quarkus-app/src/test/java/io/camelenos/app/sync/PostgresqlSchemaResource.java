package io.camelenos.app.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.camelenos.app.PostgresqlAvailable;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A schema of its own in the test PostgreSQL for one Quarkus test run (so that runs on the same server never meet),
 * handed to the app as its datasource; Flyway migrates it at start, and it is dropped when the app stops.
 */
public class PostgresqlSchemaResource implements QuarkusTestResourceLifecycleManager {

    private final String schema = "camel_enos_app_" + Long.toHexString(System.nanoTime());

    @Override
    public Map<String, String> start() {
        execute("CREATE SCHEMA " + schema);
        String url = PostgresqlAvailable.url();
        return Map.of(
                "quarkus.datasource.jdbc.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "quarkus.datasource.username", PostgresqlAvailable.user(),
                "quarkus.flyway.schemas", schema);
    }

    @Override
    public void stop() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(PostgresqlAvailable.url());
        pg.setUser(PostgresqlAvailable.user());
        pg.setLoginTimeout(5);
        try (Connection connection = pg.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PostgresqlAvailable.url() + ": " + sql + " failed: "
                                            + e.getMessage(), e);
        }
    }
}
