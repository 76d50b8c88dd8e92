package io.camelenos.app.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;

/**
 * Reads what the sync flows wrote, as JSON: the newest rows of each table, and a summary of the three tables. Times
 * come as ISO 8601 UTC (the epoch milliseconds as well where the table keeps them), JSON text columns as JSON.
 */
@ApplicationScoped
public class SyncedData {

    private static final String ASSETS = "SELECT asset_id, model_id, name, timezone, attributes, tags, updated_at "
                                         + "FROM enos_asset ORDER BY updated_at DESC, asset_id";
    private static final String TELEMETRY = "SELECT asset_id, point_id, ts, num_value, text_value, quality "
                                            + "FROM enos_telemetry ORDER BY ts DESC, asset_id, point_id";
    private static final String ALERTS = "SELECT event_id, asset_id, model_id, point_id, severity_id, severity_desc, "
            + "type_id, content_id, content_desc, alert_value, occur_time, recover_time, status, tags, updated_at "
            + "FROM enos_alert ORDER BY occur_time DESC, event_id";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    /** Row counts and newest times of the three tables. */
    public ObjectNode summary() throws SQLException {
        ObjectNode summary = mapper.createObjectNode();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            ObjectNode assets = summary.putObject("assets");
            try (ResultSet row = aggregate(statement, "SELECT COUNT(*), MAX(updated_at) FROM enos_asset")) {
                assets.put("rows", row.getLong(1));
                assets.put("newestUpdate", iso(row.getObject(2, OffsetDateTime.class)));
            }
            ObjectNode telemetry = summary.putObject("telemetry");
            try (ResultSet row = aggregate(statement, "SELECT COUNT(*), MIN(ts), MAX(ts) FROM enos_telemetry")) {
                telemetry.put("rows", row.getLong(1));
                telemetry.put("oldestSample", iso(row, 2));
                telemetry.put("newestSample", iso(row, 3));
            }
            ObjectNode alerts = summary.putObject("alerts");
            try (ResultSet row = aggregate(statement, "SELECT COUNT(*), "
                    + "SUM(CASE WHEN status = 'ACTIVE' THEN 1 ELSE 0 END), MAX(occur_time) FROM enos_alert")) {
                alerts.put("rows", row.getLong(1));
                alerts.put("active", row.getLong(2));
                alerts.put("recovered", row.getLong(1) - row.getLong(2));
                alerts.put("newestOccurrence", iso(row, 3));
            }
        }
        return summary;
    }

    /** The most recently written assets. */
    public ArrayNode assets(int limit) throws SQLException {
        return rows(ASSETS, limit, (row, json) -> {
            json.put("assetId", row.getString("asset_id"))
                    .put("modelId", row.getString("model_id"))
                    .put("name", row.getString("name"))
                    .put("timezone", row.getString("timezone"));
            json.set("attributes", json(row.getString("attributes")));
            json.set("tags", json(row.getString("tags")));
            json.put("updatedAt", iso(row.getObject("updated_at", OffsetDateTime.class)));
        });
    }

    /** The newest samples. */
    public ArrayNode telemetry(int limit) throws SQLException {
        return rows(TELEMETRY, limit, (row, json) -> {
            json.put("assetId", row.getString("asset_id"))
                    .put("pointId", row.getString("point_id"))
                    .put("ts", row.getLong("ts"))
                    .put("time", iso(row, "ts"));
            double number = row.getDouble("num_value");
            if (!row.wasNull()) {
                json.put("value", number);
            } else {
                json.put("value", row.getString("text_value"));
            }
            int quality = row.getInt("quality");
            json.set("quality", row.wasNull() ? null : json.numberNode(quality));
        });
    }

    /** The alerts that occurred last. */
    public ArrayNode alerts(int limit) throws SQLException {
        return rows(ALERTS, limit, (row, json) -> json.put("eventId", row.getString("event_id"))
                .put("assetId", row.getString("asset_id"))
                .put("modelId", row.getString("model_id"))
                .put("pointId", row.getString("point_id"))
                .put("severityId", row.getString("severity_id"))
                .put("severity", row.getString("severity_desc"))
                .put("typeId", row.getString("type_id"))
                .put("contentId", row.getString("content_id"))
                .put("content", row.getString("content_desc"))
                .put("value", row.getString("alert_value"))
                .put("status", row.getString("status"))
                .put("occurTime", iso(row, "occur_time"))
                .put("recoverTime", iso(row, "recover_time"))
                .set("tags", json(row.getString("tags"))));
    }

    @FunctionalInterface
    private interface RowMapper {
        void map(ResultSet row, ObjectNode json) throws SQLException;
    }

    private ArrayNode rows(String sql, int limit, RowMapper mapper) throws SQLException {
        ArrayNode rows = this.mapper.createArrayNode();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setMaxRows(limit); // portable LIMIT
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    mapper.map(row, rows.addObject());
                }
            }
        }
        return rows;
    }

    private static ResultSet aggregate(Statement statement, String sql) throws SQLException {
        ResultSet row = statement.executeQuery(sql);
        row.next(); // an aggregate without GROUP BY: always one row
        return row;
    }

    private JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(text); // not JSON after all: show it as it is
        }
    }

    private static String iso(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis).toString();
    }

    private static String iso(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis).toString();
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }
}
