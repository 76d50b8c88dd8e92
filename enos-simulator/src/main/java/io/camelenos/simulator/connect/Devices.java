package io.camelenos.simulator.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimClock;
import io.camelenos.simulator.data.AssetStore;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The devices of the org, as a view over the asset store: every asset with a productKey is a device (the generated
 * turbines, inverters and meters, and devices created through this service). Nothing is stored for untouched
 * generated devices; what the Connection service itself changes (status, keys, activity times) is an overlay.
 */
final class Devices {

    /** EnOS's limit of devices per product (11739 beyond it). */
    static final int MAX_DEVICES_PER_PRODUCT = 10_000;
    static final String ONLINE = "online";
    static final String OFFLINE = "offline";
    static final String INACTIVE = "inactive";
    static final String DISABLED = "disable";

    private final DataSet dataSet;
    private final AssetStore assets;
    private final Products products;
    private final SimClock clock;
    /** Devices created through the API, in creation order (assetIds). */
    private final List<String> created = new ArrayList<>();
    /** productKey + NUL + deviceKey of created devices and of replaced keys, to their assetId. */
    private final Map<String, String> keyIndex = new ConcurrentHashMap<>();
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();
    /** Devices that reported since the emulator started (activated, online), with when they last did. */
    private final Map<String, Long> reported = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> addedPerProduct = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> lastUpdates = new ConcurrentHashMap<>();
    /** How many times each device was replaced: a replacement issues a new device secret. */
    private final Map<String, Integer> replacements = new ConcurrentHashMap<>();
    /** Replaced devices that have not sent data since: reset to inactive, as replace device documents. */
    private final Set<String> reset = ConcurrentHashMap.newKeySet();
    /** Generated devices whose keys this service changed or that it deleted: their light view needs the store. */
    private final Set<String> touched = ConcurrentHashMap.newKeySet();

    Devices(DataSet dataSet, Products products, SimClock clock) {
        this.dataSet = dataSet;
        this.assets = dataSet.assets();
        this.products = products;
        this.clock = clock;
    }

    Products products() {
        return products;
    }

    // ---- lookup ---------------------------------------------------------------------------------------------

    /** The device of an asset, or null when the asset does not exist or is not a device. */
    ObjectNode byAssetId(String assetId) {
        return assets.get(assetId).filter(a -> a.hasNonNull("productKey")).map(this::view).orElse(null);
    }

    ObjectNode byKeys(String productKey, String deviceKey) {
        String assetId = keyIndex.get(productKey + '\u0000' + deviceKey);
        if (assetId == null) {
            int underscore = deviceKey.indexOf('_');
            assetId = underscore < 0 ? null : deviceKey.substring(underscore + 1);
        }
        ObjectNode device = assetId == null ? null : byAssetId(assetId);
        if (device == null || !productKey.equals(device.path("productKey").asText())
                || !deviceKey.equals(device.path("deviceKey").asText())) {
            return null;
        }
        return device;
    }

    /** The device a request names in its query: assetId, or productKey + deviceKey (99400 / 99404). */
    ObjectNode require(SimRequest request) {
        return require(request.query("assetId"), request.query("productKey"), request.query("deviceKey"), "", 99404);
    }

    /** The device a DeviceIdentifier struct names ({assetId} or {productKey, deviceKey}). */
    ObjectNode require(JsonNode identifier, String field) {
        if (identifier == null || !identifier.isObject()) {
            throw ApiError.missing(field);
        }
        return require(Json.text(identifier, "assetId"), Json.text(identifier, "productKey"),
                Json.text(identifier, "deviceKey"), field + ".", 99404);
    }

    ObjectNode require(String assetId, String productKey, String deviceKey, String prefix, int notFoundCode) {
        ObjectNode device;
        String what;
        if (assetId != null && !assetId.isBlank()) {
            device = byAssetId(assetId);
            what = "assetId " + assetId;
        } else if (productKey != null && !productKey.isBlank() && deviceKey != null && !deviceKey.isBlank()) {
            device = byKeys(productKey, deviceKey);
            what = "productKey " + productKey + " and deviceKey " + deviceKey;
        } else {
            throw ApiError.invalidArgument(prefix + "assetId",
                    "the device identifier is invalid: give assetId, or productKey and deviceKey");
        }
        if (device == null) {
            throw notFoundCode == 99404 ? ApiError.notFound("device with " + what + " does not exist")
                    : ApiError.of(notFoundCode, "Device cannot be found: " + what);
        }
        return device;
    }

    boolean keyTaken(String productKey, String deviceKey) {
        return byKeys(productKey, deviceKey) != null;
    }

    /**
     * The identity of a generated device ({assetId, productKey, deviceKey}) computed from the data set without
     * building its asset, for scans of device activity over the whole fleet; null when it is not a device now.
     */
    ObjectNode light(int index) {
        String assetId = dataSet.assetId(index);
        if (DataSet.isSite(index)) {
            return null;
        }
        if (touched.contains(assetId)) {
            ObjectNode device = byAssetId(assetId);
            return device == null ? null : Json.object().put("assetId", assetId)
                    .put("productKey", device.path("productKey").asText())
                    .put("deviceKey", device.path("deviceKey").asText());
        }
        return Json.object().put("assetId", assetId).put("productKey", dataSet.productKeyOf(index))
                .put("deviceKey", dataSet.deviceKeyOf(index));
    }

    // ---- the device view -------------------------------------------------------------------------------------

    /** EnOS's Device struct for a device asset. */
    ObjectNode view(ObjectNode asset) {
        String assetId = asset.path("assetId").asText();
        String productKey = asset.path("productKey").asText();
        JsonNode product = products.peek(productKey);
        ObjectNode d = Json.object().put("orgId", dataSet.orgId()).put("assetId", assetId)
                .put("modelId", asset.path("modelId").asText())
                .put("modelIdPath", asset.path("modelIdPath").asText())
                .put("productKey", productKey);
        d.set("productName", product == null ? Json.NODES.nullNode() : product.get("productName").deepCopy());
        d.put("productType", product == null ? "Device" : product.path("productType").asText())
                .put("dataFormat", product == null ? "Json" : product.path("dataFormat").asText())
                .put("deviceKey", asset.path("deviceKey").asText());
        d.set("deviceName", asset.get("name"));
        d.put("deviceSecret", secretOf(assetId));
        JsonNode desc = asset.get("description");
        d.set("deviceDesc", desc == null || desc.asText().isEmpty() ? Json.NODES.nullNode() : desc);
        d.put("timezone", asset.path("timezone").asText());
        d.set("deviceAttributes", asset.has("attributes") ? asset.get("attributes") : Json.object());
        d.set("deviceTags", asset.has("tags") ? asset.get("tags") : Json.object());
        long createTime = asset.path("createTime").asLong();
        d.put("createTime", createTime);
        activity(d, assetId, createTime);
        return d;
    }

    private void activity(ObjectNode d, String assetId, long createTime) {
        String base = baseStatus(assetId);
        String status = disabled.contains(assetId) ? DISABLED : base;
        Long reportedAt = reported.get(assetId);
        d.put("status", status);
        if (base.equals(INACTIVE)) {
            d.put("activeTime", 0).put("lastOnlineTime", 0).put("lastOfflineTime", 0);
        } else {
            long active = createTime + 3_600_000L;
            long online = reportedAt != null ? reportedAt : active + 3_600_000L;
            long offline = base.equals(OFFLINE) && reportedAt == null ? online + 600_000L : active + 1_800_000L;
            d.put("activeTime", active).put("lastOnlineTime", online).put("lastOfflineTime", offline);
        }
        ObjectNode updates = lastUpdates.get(assetId);
        boolean generatedActive = !base.equals(INACTIVE) && dataSet.indexOf(assetId) >= 0;
        long now = Math.floorDiv(clock.nowMillis(), 60_000L) * 60_000L;
        d.set("measurepointLastUpdate", pick(updates, "measurepointLastUpdate", generatedActive ? now : null));
        d.set("eventLastUpdate", pick(updates, "eventLastUpdate", null));
        d.set("attributeLastUpdate", pick(updates, "attributeLastUpdate", null));
        d.set("featureLastUpdate", pick(updates, "featureLastUpdate", generatedActive ? now : null));
    }

    private static JsonNode pick(ObjectNode updates, String field, Long fallback) {
        JsonNode v = updates == null ? null : updates.get(field);
        if (v != null) {
            return v;
        }
        return fallback == null ? Json.NODES.nullNode() : Json.NODES.numberNode(fallback);
    }

    /**
     * Status before any enable/disable: a generated device is online (most), offline (8%) or never activated (4%),
     * chosen from the seed; a created device is inactive until data is posted for it.
     */
    String baseStatus(String assetId) {
        if (reported.containsKey(assetId)) {
            return ONLINE;
        }
        if (reset.contains(assetId)) {
            return INACTIVE;
        }
        int index = dataSet.indexOf(assetId);
        if (index < 0) {
            return INACTIVE;
        }
        int u = dataSet.pick(index, 41, 100);
        return u < 4 ? INACTIVE : u < 12 ? OFFLINE : ONLINE;
    }

    /** Enables or disables; false when the device already is in that state (11794). */
    boolean setDisabled(String assetId, boolean disable) {
        return disable ? disabled.add(assetId) : disabled.remove(assetId);
    }

    /** A device sent data (integration upload): it is active and online from now on. */
    void reported(String assetId, String what, long at) {
        reset.remove(assetId);
        reported.put(assetId, clock.nowMillis());
        ObjectNode updates = lastUpdates.computeIfAbsent(assetId, k -> Json.object());
        synchronized (updates) {
            updates.put(what, at);
            updates.put("featureLastUpdate", at);
        }
    }

    // ---- writes ----------------------------------------------------------------------------------------------

    /** Creates the asset of a new device; the caller has checked the product, key and limits. */
    String create(ObjectNode asset) {
        synchronized (created) {
            String assetId = assets.create(asset);
            created.add(assetId);
            keyIndex.put(asset.path("productKey").asText() + '\u0000' + asset.path("deviceKey").asText(), assetId);
            addedPerProduct.computeIfAbsent(asset.path("productKey").asText(), k -> new AtomicInteger()).incrementAndGet();
            return assetId;
        }
    }

    /** The device secret: derived from the seed and the device, and new after each replacement. */
    String secretOf(String assetId) {
        Integer replaced = replacements.get(assetId);
        return products.secret("device", replaced == null ? assetId : assetId + "#" + replaced);
    }

    /** Replace device: a new key and secret, and the device inactive (and online times cleared) until it reports. */
    void replaceKey(ObjectNode asset, String oldKey, String newKey) {
        String assetId = asset.path("assetId").asText();
        replacements.merge(assetId, 1, Integer::sum);
        reported.remove(assetId);
        lastUpdates.remove(assetId);
        reset.add(assetId);
        touched.add(assetId);
        String productKey = asset.path("productKey").asText();
        keyIndex.remove(productKey + '\u0000' + oldKey);
        asset.put("deviceKey", newKey);
        assets.put(asset);
        keyIndex.put(productKey + '\u0000' + newKey, asset.path("assetId").asText());
    }

    void delete(ObjectNode device) {
        String assetId = device.path("assetId").asText();
        touched.add(assetId);
        synchronized (created) {
            assets.delete(assetId);
            created.remove(assetId);
            keyIndex.remove(device.path("productKey").asText() + '\u0000' + device.path("deviceKey").asText());
            addedPerProduct.computeIfAbsent(device.path("productKey").asText(), k -> new AtomicInteger()).decrementAndGet();
        }
        disabled.remove(assetId);
        reported.remove(assetId);
        lastUpdates.remove(assetId);
    }

    /** How many devices a product has (generated ones counted per block, with no scan of the fleet). */
    int countOf(String productKey) {
        AtomicInteger added = addedPerProduct.get(productKey);
        return (added == null ? 0 : added.get()) + products.generatedDeviceCount(productKey);
    }

    // ---- iteration -------------------------------------------------------------------------------------------

    /** Devices created through the API, newest first. */
    List<String> createdNewestFirst() {
        synchronized (created) {
            List<String> copy = new ArrayList<>(created);
            java.util.Collections.reverse(copy);
            return copy;
        }
    }

    /** Generated devices (before deletes): every asset that is not a site. */
    int generatedCount() {
        return dataSet.baseAssetCount() - dataSet.siteCount();
    }

    /** The generated device with the given rank in ascending index order. */
    static int generatedIndexOfRank(int rank) {
        return (rank / (DataSet.BLOCK - 1)) * DataSet.BLOCK + 1 + rank % (DataSet.BLOCK - 1);
    }

    /** Whether positions can be computed without a scan (no generated asset was deleted). */
    boolean positional() {
        return assets.positional();
    }

    /** The device at a position of the createTime-descending order; only while {@link #positional()}. */
    ObjectNode at(int position, List<String> newestCreated) {
        if (position < newestCreated.size()) {
            return byAssetId(newestCreated.get(position));
        }
        int rank = generatedCount() - 1 - (position - newestCreated.size());
        return view(assets.at(generatedIndexOfRank(rank)));
    }

    /** Visits every device, newest first (createTime descending): created ones, then generated by index. */
    void forEachNewestFirst(Consumer<? super ObjectNode> visitor) {
        for (String assetId : createdNewestFirst()) {
            ObjectNode device = byAssetId(assetId);
            if (device != null) {
                visitor.accept(device);
            }
        }
        boolean positional = assets.positional();
        for (int i = dataSet.baseAssetCount() - 1; i > 0; i--) {
            if (DataSet.isSite(i)) {
                continue;
            }
            ObjectNode asset = positional ? assets.at(i) : assets.get(dataSet.assetId(i)).orElse(null);
            if (asset != null && asset.hasNonNull("productKey")) {
                visitor.accept(view(asset));
            }
        }
    }
}
