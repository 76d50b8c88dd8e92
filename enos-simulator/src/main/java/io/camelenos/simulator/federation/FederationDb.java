package io.camelenos.simulator.federation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.data.AssetStore;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.data.TimeSeries;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.UUID;

/**
 * The storage behind the read channel: an in-memory H2 database holding the data set as tables, queried with the
 * caller's SQL as a user that may only SELECT. Tables: {@code assets} (the first {@value #MAX_ASSETS} assets),
 * {@code points} (every measure point of every model) and {@code telemetry} (the last hour of every point of the
 * first {@value #MAX_TELEMETRY_ASSETS} assets, from {@link TimeSeries}). The tables are rebuilt from the data set
 * when the emulator clock has moved {@value #REFRESH_MINUTES} minutes past the last build. The database lives as
 * long as the JVM (services have no stop hook); it is built on the first read, so emulators that never read pay
 * nothing.
 */
final class FederationDb {

    static final int MAX_ASSETS = 2500;
    static final int MAX_TELEMETRY_ASSETS = 50;
    static final long WINDOW_MILLIS = 3_600_000L;
    static final int REFRESH_MINUTES = 5;
    static final int MAX_ROWS = 10_000;

    private final SimContext context;
    private final TimeSeries series;
    private final String url = "jdbc:h2:mem:federation-" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE";
    private Connection admin;
    private Connection reader;
    private long builtAt = Long.MIN_VALUE;

    FederationDb(SimContext context) {
        this.context = context;
        this.series = new TimeSeries(context.dataSet());
    }

    /** Runs a read-only query and answers {metadata, columns, queryState, rows}; 99400 for writes and bad SQL. */
    synchronized ObjectNode query(String sql) {
        PreparedStatement statement = prepare(sql);
        try (statement) {
            statement.setMaxRows(MAX_ROWS);
            statement.setQueryTimeout(10);
            try (ResultSet rs = statement.executeQuery()) {
                return answer(rs);
            }
        } catch (SQLException e) {
            throw sqlError(e);
        }
    }

    /** Checks that a query compiles and only reads, without running it. */
    synchronized void check(String sql) {
        try (PreparedStatement ignored = prepare(sql)) {
            // compiled and read-only
        } catch (SQLException e) {
            throw sqlError(e);
        }
    }

    private PreparedStatement prepare(String sql) {
        refresh();
        try {
            PreparedStatement statement = reader.prepareStatement(sql);
            if (statement.getMetaData() == null) {
                statement.close();
                throw readOnly();
            }
            return statement;
        } catch (SQLException e) {
            throw sqlError(e);
        }
    }

    private static ApiError readOnly() {
        return ApiError.invalidArgument("sqlQuery", "the read channel only runs queries that read (SELECT, SHOW, ...)");
    }

    private static ApiError sqlError(SQLException e) {
        if ("42501".equals(e.getSQLState()) || e.getErrorCode() == 90096) {
            return readOnly();
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
        return ApiError.invalidArgument("sqlQuery", message);
    }

    private static ObjectNode answer(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        ObjectNode node = Json.object();
        ArrayNode types = node.putArray("metadata");
        ArrayNode columns = node.putArray("columns");
        for (int c = 1; c <= n; c++) {
            types.add(typeName(meta.getColumnType(c)));
            columns.add(meta.getColumnLabel(c));
        }
        node.put("queryState", "COMPLETED");
        ArrayNode rows = node.putArray("rows");
        while (rs.next()) {
            ObjectNode row = rows.addObject();
            for (int c = 1; c <= n; c++) {
                Object value = rs.getObject(c);
                String name = meta.getColumnLabel(c);
                if (value == null) {
                    row.putNull(name);
                } else if (value instanceof Timestamp ts) {
                    row.put(name, ts.toInstant().toString());
                } else if (value instanceof Number || value instanceof Boolean) {
                    row.set(name, Json.tree(value));
                } else {
                    row.put(name, value.toString());
                }
            }
        }
        return node;
    }

    private static String typeName(int sqlType) {
        try {
            return sqlType == Types.OTHER ? "ANY" : JDBCType.valueOf(sqlType).getName();
        } catch (IllegalArgumentException e) {
            return "ANY";
        }
    }

    // ---- building the tables ---------------------------------------------------------------------------------

    private void refresh() {
        long now = context.clock().nowMillis();
        if (reader != null && Math.abs(now - builtAt) < REFRESH_MINUTES * 60_000L) {
            return;
        }
        try {
            if (admin == null) {
                admin = DriverManager.getConnection(url, "sa", "");
                create();
                reader = DriverManager.getConnection(url, "reader", "reader");
                reader.setReadOnly(true);
            }
            load(now);
            builtAt = now;
        } catch (SQLException e) {
            throw ApiError.internal("cannot build the federation tables: " + e.getMessage());
        }
    }

    private void create() throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE TABLE assets (asset_id VARCHAR(32) PRIMARY KEY, model_id VARCHAR(64), name VARCHAR(128), "
                    + "name_zh VARCHAR(128), site VARCHAR(16), site_asset_id VARCHAR(32), timezone VARCHAR(32), "
                    + "product_key VARCHAR(64), device_key VARCHAR(64), created_at TIMESTAMP)");
            s.execute("CREATE TABLE points (model_id VARCHAR(64), point_id VARCHAR(64), name VARCHAR(128), "
                    + "signal_type VARCHAR(8), data_type VARCHAR(16), unit VARCHAR(16), interval_seconds INT, "
                    + "PRIMARY KEY (model_id, point_id))");
            s.execute("CREATE TABLE telemetry (asset_id VARCHAR(32), point_id VARCHAR(64), ts TIMESTAMP, "
                    + "ts_millis BIGINT, point_value DOUBLE, quality INT, PRIMARY KEY (asset_id, point_id, ts_millis))");
            s.execute("CREATE USER reader PASSWORD 'reader'");
            s.execute("GRANT SELECT ON assets, points, telemetry TO reader");
        }
        try (PreparedStatement insert = admin.prepareStatement("INSERT INTO points VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (ThingModel model : ThingModels.ALL) {
                for (PointDef p : model.points()) {
                    insert.setString(1, model.modelId());
                    insert.setString(2, p.id());
                    insert.setString(3, p.name());
                    insert.setString(4, p.signalType());
                    insert.setString(5, p.dataType());
                    insert.setString(6, p.unit());
                    insert.setInt(7, p.intervalSeconds());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private void load(long now) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("TRUNCATE TABLE assets");
            s.execute("TRUNCATE TABLE telemetry");
        }
        AssetStore store = context.dataSet().assets();
        int count = Math.min(MAX_ASSETS, store.size());
        try (PreparedStatement insert = admin.prepareStatement("INSERT INTO assets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            if (store.positional()) {
                for (int i = 0; i < count; i++) {
                    addAsset(insert, store.at(i));
                }
            } else {
                int[] seen = {0};
                store.forEach(a -> {
                    if (seen[0]++ < count) {
                        try {
                            addAsset(insert, a);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
            }
            insert.executeBatch();
        }
        loadTelemetry(now);
    }

    private void addAsset(PreparedStatement insert, ObjectNode asset) throws SQLException {
        String id = asset.path("assetId").asText();
        int index = context.dataSet().indexOf(id);
        insert.setString(1, id);
        insert.setString(2, asset.path("modelId").asText());
        insert.setString(3, asset.path("name").path("defaultValue").asText());
        insert.setString(4, asset.path("name").path("i18nValue").path("zh_CN").asText(null));
        insert.setString(5, asset.path("tags").path("site").asText(null));
        insert.setString(6, index < 0 ? null : context.dataSet().assetId(DataSet.siteIndexOf(index)));
        insert.setString(7, asset.path("timezone").asText(null));
        insert.setString(8, asset.path("productKey").asText(null));
        insert.setString(9, asset.path("deviceKey").asText(null));
        insert.setTimestamp(10, new Timestamp(asset.path("createTime").asLong()));
        insert.addBatch();
    }

    private void loadTelemetry(long now) throws SQLException {
        DataSet data = context.dataSet();
        int assets = Math.min(MAX_TELEMETRY_ASSETS, data.baseAssetCount());
        try (PreparedStatement insert = admin.prepareStatement("INSERT INTO telemetry VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < assets; i++) {
                String id = data.assetId(i);
                if (!data.assets().exists(id)) {
                    continue;
                }
                for (PointDef p : data.modelOf(i).points()) {
                    for (long t = TimeSeries.firstSampleAtOrAfter(p, now - WINDOW_MILLIS); t <= now;
                         t += TimeSeries.intervalMillis(p)) {
                        if (!series.hasSample(i, p, t)) {
                            continue;
                        }
                        insert.setString(1, id);
                        insert.setString(2, p.id());
                        insert.setTimestamp(3, new Timestamp(t));
                        insert.setLong(4, t);
                        insert.setDouble(5, series.value(i, p, t));
                        insert.setInt(6, series.quality(i, p, t));
                        insert.addBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
