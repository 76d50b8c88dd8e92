package io.camelenos.app.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/** The active alerts the alert flow wrote to {@code enos_alert}: how many, and the newest first, with asset names. */
@ApplicationScoped
public class ActiveAlerts {

    /** How many alerts the page lists. */
    static final int LISTED = 20;

    private static final String COUNT = "SELECT COUNT(*) FROM enos_alert WHERE status = 'ACTIVE'";
    private static final String NEWEST = "SELECT a.event_id, a.asset_id, s.name, a.point_id, a.severity_desc, "
            + "a.severity_id, a.content_desc, a.content_id, a.alert_value, a.occur_time FROM enos_alert a "
            + "LEFT JOIN enos_asset s ON s.asset_id = a.asset_id WHERE a.status = 'ACTIVE' "
            + "ORDER BY a.occur_time DESC, a.event_id";

    @Inject
    AgroalDataSource dataSource;

    public AppStatus.Alerts read() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return new AppStatus.Alerts(count(connection), newest(connection));
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(COUNT)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<AppStatus.Alert> newest(Connection connection) throws SQLException {
        List<AppStatus.Alert> alerts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(NEWEST)) {
            select.setMaxRows(LISTED); // portable LIMIT
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    alerts.add(alert(row));
                }
            }
        }
        return alerts;
    }

    private static AppStatus.Alert alert(ResultSet row) throws SQLException {
        long occurred = row.getLong("occur_time");
        String occurTime = row.wasNull() ? null : FlowStates.iso(occurred);
        return new AppStatus.Alert(row.getString("event_id"), row.getString("asset_id"), row.getString("name"),
                row.getString("point_id"), firstOf(row.getString("severity_desc"), row.getString("severity_id")),
                firstOf(row.getString("content_desc"), row.getString("content_id")), row.getString("alert_value"),
                occurTime);
    }

    private static String firstOf(String preferred, String fallback) {
        return preferred == null || preferred.isBlank() ? fallback : preferred;
    }
}
