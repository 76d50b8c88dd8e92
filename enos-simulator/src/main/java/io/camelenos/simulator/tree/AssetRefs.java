package io.camelenos.simulator.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.data.AssetStore;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds the asset a request names: by {@code assetId}, or by {@code productKey} + {@code deviceKey} for device
 * assets (reference section 0, "Device addressing"). Unknown assets are 99404.
 */
final class AssetRefs {

    private final DataSet dataSet;
    private final AssetStore assets;

    AssetRefs(DataSet dataSet) {
        this.dataSet = dataSet;
        this.assets = dataSet.assets();
    }

    /** The asset id given in {@code node} (a query-like object: assetId, or productKey and deviceKey). */
    String resolve(String assetId, String productKey, String deviceKey, String what) {
        if (assetId != null && !assetId.isBlank()) {
            if (!assets.exists(assetId)) {
                throw ApiError.notFound("asset " + assetId + " does not exist");
            }
            return assetId;
        }
        if (productKey == null || productKey.isBlank() || deviceKey == null || deviceKey.isBlank()) {
            throw ApiError.invalidArgument(what, "assetId or productKey and deviceKey are required");
        }
        return byDeviceKeys(productKey, deviceKey);
    }

    String resolve(JsonNode identifier, String what) {
        return resolve(Json.text(identifier, "assetId"), Json.text(identifier, "productKey"),
                Json.text(identifier, "deviceKey"), what);
    }

    private String byDeviceKeys(String productKey, String deviceKey) {
        // Generated device keys end with the asset id: look there first, scan only for devices added at run time.
        int underscore = deviceKey.lastIndexOf('_');
        if (underscore >= 0) {
            String candidate = deviceKey.substring(underscore + 1);
            ObjectNode asset = assets.get(candidate).orElse(null);
            if (asset != null && productKey.equals(asset.path("productKey").asText())
                    && deviceKey.equals(asset.path("deviceKey").asText())) {
                return candidate;
            }
        }
        AtomicReference<String> found = new AtomicReference<>();
        assets.forEach(asset -> {
            if (found.get() == null && productKey.equals(asset.path("productKey").asText())
                    && deviceKey.equals(asset.path("deviceKey").asText())) {
                found.set(asset.path("assetId").asText());
            }
        });
        if (found.get() == null) {
            throw ApiError.notFound("device " + productKey + "/" + deviceKey + " does not exist");
        }
        return found.get();
    }

    ObjectNode asset(String assetId) {
        return assets.get(assetId).orElseThrow(() -> ApiError.notFound("asset " + assetId + " does not exist"));
    }

    /** An asset as the tree APIs show it (the Asset struct: no device or bookkeeping fields). */
    ObjectNode treeAsset(String assetId) {
        ObjectNode asset = asset(assetId);
        asset.remove("productKey");
        asset.remove("deviceKey");
        asset.remove("createTime");
        asset.remove("orgId");
        return asset;
    }

    boolean exists(String assetId) {
        return assets.exists(assetId);
    }

    DataSet dataSet() {
        return dataSet;
    }
}
