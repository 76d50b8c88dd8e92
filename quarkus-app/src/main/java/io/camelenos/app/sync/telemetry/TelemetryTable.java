package io.camelenos.app.sync.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.app.sync.JsonText;

/**
 * Table {@code enos_telemetry}: one row per (asset, point, timestamp). A batch of TSDB records is written in one
 * transaction with JDBC batches; a sample already in the table is skipped (not an error), so writing a window again,
 * after a restart or a lookback, neither fails nor duplicates. Portable SQL: {@code INSERT ... SELECT ... WHERE NOT
 * EXISTS}, which H2 and every PostgreSQL version run.
 */
public final class TelemetryTable {

    private static final String INSERT = "INSERT INTO enos_telemetry (asset_id, point_id, ts, num_value, text_value, "
            + "quality) SELECT CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(128)), CAST(? AS BIGINT), "
            + "CAST(? AS DOUBLE PRECISION), CAST(? AS VARCHAR(4000)), CAST(? AS INTEGER) "
            + "WHERE NOT EXISTS (SELECT 1 FROM enos_telemetry t WHERE t.asset_id = ? AND t.point_id = ? AND t.ts = ?)";
    /** Rows per JDBC batch: one TSDB answer may hold 640,000 records. */
    private static final int BATCH = 1000;

    /** What one write did: rows inserted, samples that were there already, the oldest and newest timestamps seen. */
    public record Result(int inserted, int skipped, long oldest, long newest) {
    }

    private final DataSource dataSource;

    public TelemetryTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Writes TSDB records of item format 0 (one point per record) or 1 (several): one row for each of the given points
     * a record carries.
     */
    public Result insert(JsonNode records, List<String> points) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                Result result = insert(insert, records, points);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static Result insert(PreparedStatement insert, JsonNode records, List<String> points)
            throws SQLException {
        int rows = 0;
        int inserted = 0;
        long oldest = Long.MAX_VALUE;
        long newest = -1;
        for (JsonNode record : records) {
            long ts = record.path("timestamp").asLong();
            oldest = Math.min(oldest, ts);
            newest = Math.max(newest, ts);
            for (String point : points) {
                if (record.has(point)) {
                    bind(insert, record, point, ts);
                    insert.addBatch();
                    if (++rows % BATCH == 0) {
                        inserted += inserted(insert.executeBatch());
                    }
                }
            }
        }
        if (rows % BATCH != 0) {
            inserted += inserted(insert.executeBatch());
        }
        return new Result(inserted, rows - inserted, newest < 0 ? -1 : oldest, newest);
    }

    private static void bind(PreparedStatement insert, JsonNode record, String point, long ts) throws SQLException {
        String assetId = record.path("assetId").asText();
        JsonNode value = record.get(point);
        insert.setString(1, assetId);
        insert.setString(2, point);
        insert.setLong(3, ts);
        if (value.isNumber() || value.isBoolean()) {
            insert.setDouble(4, value.isBoolean() ? (value.asBoolean() ? 1 : 0) : value.asDouble());
            insert.setNull(5, Types.VARCHAR);
        } else {
            insert.setNull(4, Types.DOUBLE);
            insert.setString(5, JsonText.fit(JsonText.of(value), 4000));
        }
        Integer quality = quality(record, point);
        if (quality == null) {
            insert.setNull(6, Types.INTEGER);
        } else {
            insert.setInt(6, quality);
        }
        insert.setString(7, assetId);
        insert.setString(8, point);
        insert.setLong(9, ts);
    }

    /** The quality flag when the record has one: a string in item format 0, one per point in format 1. */
    private static Integer quality(JsonNode record, String point) {
        JsonNode quality = record.path("quality");
        if (quality.isObject()) {
            quality = quality.path(point);
        }
        if (quality.isMissingNode() || quality.isNull()) {
            return null;
        }
        try {
            return Integer.valueOf(quality.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int inserted(int[] counts) {
        int inserted = 0;
        for (int count : counts) {
            // SUCCESS_NO_INFO: the driver does not say; the row was not refused, so count it as written
            if (count > 0 || count == Statement.SUCCESS_NO_INFO) {
                inserted++;
            }
        }
        return inserted;
    }
}
