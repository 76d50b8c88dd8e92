package io.camelenos.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.camelenos.app.state.ConsumerStates;
import io.camelenos.component.state.JdbcStateRepository;
import io.camelenos.app.sync.alert.AlertTable;
import io.camelenos.app.sync.asset.AssetTable;
import io.camelenos.app.sync.telemetry.TelemetryTable;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the app needs of its database, run on every database it supports (plain JDBC and Flyway's API, no Quarkus):
 * the migrations apply, the keys make re-inserts idempotent, JSON text fits, the consumer state repository works, and
 * the sync flows' table writers (upserts, idempotent batched telemetry inserts) run their SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchemaContract {

    static final List<String> TABLES = List.of("enos_asset", "enos_telemetry", "enos_alert", "enos_consumer_state");

    private static final ObjectMapper JSON = new ObjectMapper();

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
        MigrateResult result = flyway(dataSource, schema()).load().migrate();
        assertTrue(result.success);
        assertEquals("3", result.targetSchemaVersion);
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
                 ResultSet rows = count.executeQuery(
                         "SELECT COUNT(*), MAX(num_value) FROM enos_telemetry WHERE asset_id = 'a1'")) {
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
        JdbcStateRepository telemetry = ConsumerStates.inAppDatabase(dataSource, "telemetry");
        JdbcStateRepository alerts = ConsumerStates.inAppDatabase(dataSource, "alerts");
        assertNull(telemetry.getState("a1|power"));

        telemetry.setState("a1|power", "1000");
        telemetry.setState("a1|power", "2000");
        alerts.setState("a1|power", "other");

        assertEquals("2000", telemetry.getState("a1|power"));
        assertEquals("2000", ConsumerStates.inAppDatabase(dataSource, "telemetry").getState("a1|power"));
        assertEquals("other", alerts.getState("a1|power"));
    }

    /**
     * An app upgraded from the version with its own state table: the watermarks saved in {@code camel_state} by the
     * previous version are what the component's repository reads after the migration, so telemetry resumes where it
     * stopped.
     */
    @Test
    void anUpgradeKeepsTheStateThePreviousVersionSaved() throws SQLException {
        DataSource previous = upgradeDatabase();
        flyway(previous, upgradeSchema()).target("2").load().migrate();
        try (Connection connection = previous.getConnection();
             Statement insert = connection.createStatement()) {
            insert.executeUpdate("INSERT INTO camel_state (repository, state_key, state_value, updated_at) VALUES "
                                 + "('telemetry-p3', 'telemetry-p3', 'a1|power=1700000000000', CURRENT_TIMESTAMP), "
                                 + "('assets', 'assets', 'a1=abc', CURRENT_TIMESTAMP)");
        }

        MigrateResult upgrade = flyway(previous, upgradeSchema()).load().migrate();

        assertEquals("3", upgrade.targetSchemaVersion);
        assertEquals("a1|power=1700000000000",
                ConsumerStates.inAppDatabase(previous, "telemetry-p3").getState("telemetry-p3"));
        assertEquals("a1=abc", ConsumerStates.inAppDatabase(previous, "assets").getState("assets"));
        assertNull(ConsumerStates.inAppDatabase(previous, "assets").getState("telemetry-p3"));
        SQLException gone = assertThrows(SQLException.class, () -> {
            try (Connection connection = previous.getConnection(); Statement select = connection.createStatement()) {
                select.executeQuery("SELECT COUNT(*) FROM camel_state");
            }
        });
        assertTrue(gone.getMessage().toLowerCase().contains("camel_state"), gone.getMessage());
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource database, String schema) {
        var configuration = Flyway.configure().dataSource(database).locations("classpath:db/migration");
        return schema == null ? configuration : configuration.schemas(schema).createSchemas(true);
    }

    /** Another empty database (or schema), for the upgrade test. */
    protected DataSource upgradeDatabase() throws SQLException {
        return freshDatabase();
    }

    /** The schema of {@link #upgradeDatabase()}, or null for the connection's default. */
    protected String upgradeSchema() {
        return schema();
    }

    @Test
    void telemetryTableWritesABatchOnceAndSkipsItTheSecondTime() throws Exception {
        ArrayNode records = JSON.createArrayNode();
        records.addObject().put("assetId", "t1").put("timestamp", 1000L).put("P1", 1.5).put("localtime", "x");
        records.addObject().put("assetId", "t1").put("timestamp", 2000L).put("P1", "on").put("quality", "1");
        records.addObject().put("assetId", "t1").put("timestamp", 3000L).put("P1", true);
        records.addObject().put("assetId", "t2").put("timestamp", 1000L).putObject("P2").put("x", 1);
        for (int i = 0; i < 2500; i++) { // more than one JDBC batch
            records.addObject().put("assetId", "t3").put("timestamp", 10_000L + i).put("P1", i);
        }
        TelemetryTable table = new TelemetryTable(dataSource);

        TelemetryTable.Result first = table.insert(records, List.of("P1", "P2"));
        TelemetryTable.Result again = table.insert(records, List.of("P1", "P2"));

        assertEquals(new TelemetryTable.Result(2504, 0, 1000, 12_499), first);
        assertEquals(new TelemetryTable.Result(0, 2504, 1000, 12_499), again);
        assertEquals(List.of("t1|P1|1000|1.5|null|null", "t1|P1|2000|null|on|1", "t1|P1|3000|1.0|null|null",
                "t2|P2|1000|null|{\"x\":1}|null"), select("SELECT * FROM enos_telemetry WHERE asset_id IN "
                                                            + "('t1', 't2') ORDER BY asset_id, ts"));
        assertEquals(List.of("2500"), select("SELECT COUNT(*) FROM enos_telemetry WHERE asset_id = 't3'"));
    }

    @Test
    void assetTableInsertsReplacesAndDeletes() throws Exception {
        AssetTable table = new AssetTable(dataSource);
        table.upsert(JSON.readTree("{\"assetId\": \"u1\", \"modelId\": \"M\", \"name\": {\"defaultValue\": \"One\", "
                                   + "\"i18nValue\": {\"zh_CN\": \"一\"}}, \"timezone\": \"UTC\", "
                                   + "\"attributes\": {\"a\": 1}, \"tags\": {\"t\": \"x\"}}"));
        table.upsert(JSON.readTree("{\"assetId\": \"u1\", \"modelId\": \"M\", \"name\": \"Uno\", "
                                   + "\"attributes\": {\"a\": 2}}"));
        table.upsert(JSON.readTree("{\"assetId\": \"u2\", \"modelId\": \"M\"}"));

        assertEquals(List.of("u1|M|Uno|null|{\"a\":2}|null", "u2|M|null|null|null|null"),
                select("SELECT asset_id, model_id, name, timezone, attributes, tags FROM enos_asset "
                          + "WHERE asset_id IN ('u1', 'u2') ORDER BY asset_id"));
        assertTrue(table.delete("u1"));
        assertFalse(table.delete("u1"));
        assertEquals(List.of("u2"), select("SELECT asset_id FROM enos_asset WHERE asset_id IN ('u1', 'u2')"));
    }

    @Test
    void alertTableInsertsAnActiveAlertThenRecoversIt() throws Exception {
        AlertTable table = new AlertTable(dataSource);
        String active = "{\"eventId\": \"e1\", \"assetId\": \"u1\", \"modelId\": \"M\", \"measurepointId\": \"P\", "
                        + "\"severityId\": \"critical\", \"severityDesc\": {\"defaultValue\": \"Critical\"}, "
                        + "\"contentDesc\": \"Hot\", \"value\": 3.5, \"occurTime\": 1000, \"tag\": {\"k\": \"v\"}}";
        String recovered = active.replace("}}", "}, \"recoverTime\": 5000}");

        assertTrue(table.upsert(JSON.readTree(active), AlertTable.ACTIVE));
        assertEquals(List.of("e1|u1|P|critical|Critical|Hot|3.5|1000|null|ACTIVE|{\"k\":\"v\"}"), alerts());
        assertFalse(table.upsert(JSON.readTree(recovered), AlertTable.RECOVERED));
        assertEquals(List.of("e1|u1|P|critical|Critical|Hot|3.5|1000|5000|RECOVERED|{\"k\":\"v\"}"), alerts());
    }

    private List<String> alerts() throws SQLException {
        return select("SELECT event_id, asset_id, point_id, severity_id, severity_desc, content_desc, alert_value, "
                         + "occur_time, recover_time, status, tags FROM enos_alert WHERE event_id = 'e1'");
    }

    /** The rows of a query, each as its values joined by '|'. */
    private List<String> select(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            int columns = row.getMetaData().getColumnCount();
            while (row.next()) {
                StringJoiner values = new StringJoiner("|");
                for (int c = 1; c <= columns; c++) {
                    values.add(String.valueOf(row.getObject(c)));
                }
                rows.add(values.toString());
            }
        }
        return rows;
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
