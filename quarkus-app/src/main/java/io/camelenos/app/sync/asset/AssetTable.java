package io.camelenos.app.sync.asset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.app.sync.JsonText;
import io.camelenos.app.sync.Upsert;

/**
 * Table {@code enos_asset}: one row per EnOS asset, as the asset search answers it (the default name, timezone,
 * attributes and tags as JSON text).
 */
public final class AssetTable {

    private static final String UPDATE = "UPDATE enos_asset SET model_id = ?, name = ?, timezone = ?, attributes = ?, "
                                         + "tags = ?, updated_at = ? WHERE asset_id = ?";
    private static final String INSERT = "INSERT INTO enos_asset (model_id, name, timezone, attributes, tags, "
                                         + "updated_at, asset_id) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM enos_asset WHERE asset_id = ?";

    private final DataSource dataSource;

    public AssetTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the asset's row, new or replaced. */
    public void upsert(JsonNode asset) throws SQLException {
        String assetId = JsonText.of(asset.get("assetId"));
        if (assetId == null) {
            throw new IllegalArgumentException("An EnOS asset without assetId: " + asset);
        }
        try (Connection connection = dataSource.getConnection()) {
            Upsert.run(connection, c -> write(c, UPDATE, asset, assetId), c -> write(c, INSERT, asset, assetId));
        }
    }

    /** Deletes the asset's row; answers whether there was one. */
    public boolean delete(String assetId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setString(1, assetId);
            return delete.executeUpdate() > 0;
        }
    }

    /** UPDATE and INSERT take the same parameters in the same order, the key last. */
    private static int write(Connection connection, String sql, JsonNode asset, String assetId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, JsonText.fit(JsonText.of(asset.get("modelId")), 128));
            statement.setString(2, JsonText.fit(JsonText.i18n(asset.get("name")), 512));
            statement.setString(3, JsonText.fit(JsonText.of(asset.get("timezone")), 64));
            statement.setString(4, JsonText.of(asset.get("attributes")));
            statement.setString(5, JsonText.of(asset.get("tags")));
            statement.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
            statement.setString(7, assetId);
            return statement.executeUpdate();
        }
    }
}
