package io.camelenos.app.sync.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.app.sync.JsonText;
import io.camelenos.app.sync.Upsert;

/**
 * Table {@code enos_alert}: one row per alert event, inserted while it is active and updated when it recovers (status,
 * recovery time). EnOS's ActiveAlert and HistoryAlert structures fill the same columns; i18n descriptions become their
 * default text, the value and the tags JSON text.
 */
public final class AlertTable {

    public static final String ACTIVE = "ACTIVE";
    public static final String RECOVERED = "RECOVERED";

    private static final String COLUMNS = "asset_id, model_id, point_id, severity_id, severity_desc, type_id, "
                                          + "content_id, content_desc, alert_value, occur_time, recover_time, "
                                          + "status, tags, updated_at, event_id";
    private static final String UPDATE = "UPDATE enos_alert SET asset_id = ?, model_id = ?, point_id = ?, "
            + "severity_id = ?, severity_desc = ?, type_id = ?, content_id = ?, content_desc = ?, alert_value = ?, "
            + "occur_time = ?, recover_time = ?, status = ?, tags = ?, updated_at = ? WHERE event_id = ?";
    private static final String INSERT = "INSERT INTO enos_alert (" + COLUMNS + ") VALUES "
                                         + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;

    public AlertTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Writes the alert in the given state ({@value #ACTIVE} or {@value #RECOVERED}); answers true when its row is new.
     */
    public boolean upsert(JsonNode alert, String status) throws SQLException {
        String eventId = JsonText.of(alert.get("eventId"));
        if (eventId == null) {
            throw new IllegalArgumentException("An EnOS alert without eventId: " + alert);
        }
        try (Connection connection = dataSource.getConnection()) {
            return Upsert.run(connection, c -> write(c, UPDATE, alert, status, eventId),
                    c -> write(c, INSERT, alert, status, eventId));
        }
    }

    /** UPDATE and INSERT take the same parameters in the same order, the key last. */
    private static int write(Connection connection, String sql, JsonNode alert, String status, String eventId)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, text(alert, "assetId", 64));
            statement.setString(2, text(alert, "modelId", 128));
            statement.setString(3, text(alert, "measurepointId", 128));
            statement.setString(4, text(alert, "severityId", 128));
            statement.setString(5, JsonText.fit(JsonText.i18n(alert.get("severityDesc")), 512));
            statement.setString(6, text(alert, "typeId", 128));
            statement.setString(7, text(alert, "contentId", 128));
            statement.setString(8, JsonText.fit(JsonText.i18n(alert.get("contentDesc")), 1024));
            statement.setString(9, text(alert, "value", 4000));
            setTime(statement, 10, alert.get("occurTime"));
            setTime(statement, 11, RECOVERED.equals(status) ? alert.get("recoverTime") : null);
            statement.setString(12, status);
            // the event service calls them "tag", the newer alert service "tags"
            statement.setString(13, JsonText.of(alert.has("tag") ? alert.get("tag") : alert.get("tags")));
            statement.setObject(14, OffsetDateTime.now(ZoneOffset.UTC));
            statement.setString(15, eventId);
            return statement.executeUpdate();
        }
    }

    private static String text(JsonNode alert, String field, int length) {
        return JsonText.fit(JsonText.of(alert.get(field)), length);
    }

    private static void setTime(PreparedStatement statement, int index, JsonNode millis) throws SQLException {
        if (millis == null || !millis.canConvertToLong()) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, millis.asLong());
        }
    }
}
