package io.camelenos.app.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * The telemetry already in {@code enos_telemetry}, for the status page's chart: which assets have which points, and
 * the newest samples of one asset's points (numbers only: text values cannot be drawn).
 */
@ApplicationScoped
public class TelemetrySeries {

    /** At most this many (asset, point) pairs are listed. */
    static final int MAX_PAIRS = 2000;

    // the table's primary key (asset_id, point_id, ts) serves both queries
    private static final String PAIRS = "SELECT DISTINCT t.asset_id, t.point_id, s.name FROM enos_telemetry t "
            + "LEFT JOIN enos_asset s ON s.asset_id = t.asset_id ORDER BY t.asset_id, t.point_id";
    private static final String SAMPLES = "SELECT ts, num_value FROM enos_telemetry "
            + "WHERE asset_id = ? AND point_id = ? AND num_value IS NOT NULL ORDER BY ts DESC";

    /** An asset with telemetry: its id, name (null when the asset flow has not written it) and points. */
    public record Asset(String assetId, String name, List<String> points) {
    }

    /** One sample: epoch ms and value. */
    public record Sample(long t, double v) {
    }

    /** One point's samples, oldest first. */
    public record Series(String pointId, List<Sample> samples) {
    }

    /** The samples of several points of one asset. */
    public record Chart(String assetId, String name, List<Series> series) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** The assets that have telemetry, each with its points. */
    public List<Asset> assets() throws SQLException {
        Map<String, List<String>> points = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(PAIRS)) {
            select.setMaxRows(MAX_PAIRS);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    points.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(row.getString(2));
                    names.put(row.getString(1), row.getString(3));
                }
            }
        }
        List<Asset> assets = new ArrayList<>();
        points.forEach((id, list) -> assets.add(new Asset(id, names.get(id), list)));
        return assets;
    }

    /** The newest {@code samples} numeric samples of each point of the asset, oldest first. */
    public Chart chart(String assetId, List<String> points, int samples) throws SQLException {
        List<Series> series = new ArrayList<>();
        String name;
        try (Connection connection = dataSource.getConnection()) {
            name = name(connection, assetId);
            try (PreparedStatement select = connection.prepareStatement(SAMPLES)) {
                select.setMaxRows(samples);
                for (String point : points) {
                    series.add(new Series(point, samples(select, assetId, point)));
                }
            }
        }
        return new Chart(assetId, name, series);
    }

    private static List<Sample> samples(PreparedStatement select, String assetId, String point)
            throws SQLException {
        select.setString(1, assetId);
        select.setString(2, point);
        List<Sample> samples = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                samples.add(new Sample(row.getLong(1), row.getDouble(2)));
            }
        }
        Collections.reverse(samples); // read newest first (the newest N), drawn oldest first
        return samples;
    }

    private static String name(Connection connection, String assetId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT name FROM enos_asset WHERE asset_id = ?")) {
            select.setString(1, assetId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
