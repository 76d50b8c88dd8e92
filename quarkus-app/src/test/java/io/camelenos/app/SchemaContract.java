package io.camelenos.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.camelenos.app.state.JdbcStateRepository;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the app needs of its database, run on every database it supports (plain JDBC and Flyway's API, no Quarkus):
 * the migrations apply, the keys make re-inserts idempotent, JSON text fits, and the consumer state repository works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchemaContract {

    static final List<String> TABLES = List.of("enos_asset", "enos_telemetry", "enos_alert", "camel_state");

    private DataSource dataSource;

    /** A database (or schema) of its own for this test class, empty. */
    protected abstract DataSource freshDatabase() throws SQLException;

    /** The schema Flyway migrates, or null for the connection's default. */
    protected String schema() {
        return null;
    }

    @BeforeEach
    void migrate() throws SQLException {
        if (dataSource != null) {
            return;
        }
        dataSource = freshDatabase();
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (schema() != null) {
            configuration.schemas(schema()).createSchemas(true);
        }
        MigrateResult result = configuration.load().migrate();
        assertTrue(result.success);
        assertEquals("2", result.targetSchemaVersion);
    }

    @Test
    void migrationsCreateEveryTable() throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.getMetaData().getTables(null, schemaPattern(connection), "%",
                     new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase());
            }
        }
        assertTrue(tables.containsAll(TABLES), "tables: " + tables);
    }

    @Test
    void telemetryKeyRefusesTheSameSampleTwice() throws SQLException {
        String insert = "INSERT INTO enos_telemetry (asset_id, point_id, ts, num_value, quality) VALUES (?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection()) {
            insertSample(connection, insert, 1.5);
            SQLException duplicate = assertThrows(SQLException.class, () -> insertSample(connection, insert, 2.5));
            assertEquals("23505", duplicate.getSQLState(), "unique violation");
            try (Statement count = connection.createStatement();
                 ResultSet rows = count.executeQuery("SELECT COUNT(*), MAX(num_value) FROM enos_telemetry")) {
                rows.next();
                assertEquals(1, rows.getInt(1));
                assertEquals(1.5, rows.getDouble(2), 0.0);
            }
        }
    }

    @Test
    void assetJsonTextOfAnySizeRoundTrips() throws SQLException {
        String tags = "{\"region\": \"" + "x".repeat(20_000) + "\"}";
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO enos_asset (asset_id, model_id, name, timezone, attributes, tags, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
                insert.setString(1, "a1");
                insert.setString(2, "EnOS_Wind_Turbine");
                insert.setString(3, "Turbine 1");
                insert.setString(4, "+08:00");
                insert.setString(5, "{\"ratedPower\": 2500.0}");
                insert.setString(6, tags);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT attributes, tags FROM enos_asset WHERE asset_id = ?")) {
                select.setString(1, "a1");
                try (ResultSet row = select.executeQuery()) {
                    assertTrue(row.next());
                    assertEquals("{\"ratedPower\": 2500.0}", row.getString(1));
                    assertEquals(tags, row.getString(2));
                }
            }
        }
    }

    @Test
    void stateRepositorySavesOverwritesAndSeparatesRepositories() {
        JdbcStateRepository telemetry = new JdbcStateRepository(dataSource, "telemetry");
        JdbcStateRepository alerts = new JdbcStateRepository(dataSource, "alerts");
        assertNull(telemetry.getState("a1|power"));

        telemetry.setState("a1|power", "1000");
        telemetry.setState("a1|power", "2000");
        alerts.setState("a1|power", "other");

        assertEquals("2000", telemetry.getState("a1|power"));
        assertEquals("2000", new JdbcStateRepository(dataSource, "telemetry").getState("a1|power"));
        assertEquals("other", alerts.getState("a1|power"));
    }

    private static void insertSample(Connection connection, String sql, double value) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, "a1");
            insert.setString(2, "power");
            insert.setLong(3, 1_700_000_000_000L);
            insert.setDouble(4, value);
            insert.setInt(5, 0);
            insert.executeUpdate();
        }
    }

    private String schemaPattern(Connection connection) throws SQLException {
        return schema() == null ? connection.getSchema() : schema();
    }
}
