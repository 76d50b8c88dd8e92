package io.camelenos.simulator.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimClock;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.http.Reply;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.query.Expression;
import io.camelenos.simulator.query.FieldResolver;
import io.camelenos.simulator.query.Paging;
import io.camelenos.simulator.query.Projection;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The devices endpoints: create, batchCreate, search, update, delete, enable, disable, replaceDevice, getStats. */
final class DeviceHandlers {

    /** The replace device doc's rule for newDeviceKey. */
    private static final String NEW_DEVICE_KEY = "[A-Za-z0-9_.\\-]{4,64}";
    /** Devices one batchCreate call may hold (EnOS documents no limit; ours keeps a request bounded). */
    static final int MAX_BATCH = 1_000;

    /**
     * deviceName like 'x' looks at the default, Chinese and English names; deviceName.default at the default name;
     * deviceName.zh_CN / en_US at that locale, or the default name when the locale is missing.
     */
    private static final FieldResolver DEVICE_NAME = (record, field) -> {
        if (!field.equals("deviceName") && !field.startsWith("deviceName.")) {
            return null;
        }
        JsonNode name = record.path("deviceName");
        List<JsonNode> values = new ArrayList<>();
        if (field.equals("deviceName")) {
            values.add(name.path("defaultValue"));
            name.path("i18nValue").forEach(values::add);
        } else {
            String locale = field.substring("deviceName.".length());
            JsonNode localized = locale.equals("default") || locale.equals("defaultValue") ? null
                    : name.path("i18nValue").get(locale);
            values.add(localized != null ? localized : name.path("defaultValue"));
        }
        values.removeIf(v -> v.isMissingNode() || v.isNull());
        return values;
    };

    private final DataSet dataSet;
    private final Devices devices;
    private final Topology topology;
    private final SimClock clock;
    private final AtomicLong keySeq = new AtomicLong();

    DeviceHandlers(DataSet dataSet, Devices devices, Topology topology, SimClock clock) {
        this.dataSet = dataSet;
        this.devices = devices;
        this.topology = topology;
        this.clock = clock;
    }

    // POST devices?action=create , body {productKey, timezone, deviceName, deviceKey, deviceAttributes, deviceDesc, deviceTags}
    Object create(SimRequest request) {
        return createOne(request.jsonObject(), "");
    }

    // POST devices?action=batchCreate , body {deviceList: [...]} -> {code, msg, requestId, data: [{code, msg, data}], successSize, totalSize}
    Object batchCreate(SimRequest request) {
        JsonNode list = request.jsonObject().get("deviceList");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ApiError.missing("deviceList");
        }
        if (list.size() > MAX_BATCH) {
            throw ApiError.invalidArgument("deviceList", "at most " + MAX_BATCH + " devices per call, was "
                    + list.size());
        }
        ArrayNode items = Json.array();
        int success = 0;
        for (JsonNode item : list) {
            ObjectNode result = items.addObject();
            try {
                JsonNode created = Json.tree(createOne(item, ""));
                result.put("code", 0).put("msg", "OK").set("data", created);
                success++;
            } catch (ApiError e) {
                result.put("code", e.code()).put("msg", e.msg()).putNull("data");
            }
        }
        boolean all = success == list.size();
        ObjectNode body = Json.object().put("code", all ? 0 : 206).put("msg", all ? "OK" : "Partial Content Success")
                .put("requestId", request.requestId());
        body.set("data", items);
        body.put("successSize", success).put("totalSize", list.size());
        return Reply.raw(200, body);
    }

    private Object createOne(JsonNode body, String prefix) {
        if (!body.isObject()) {
            throw ApiError.invalidArgument("deviceList", "each device must be a JSON object");
        }
        String productKey = ProductHandlers.requireText(body, "productKey");
        JsonNode product = devices.products().peek(productKey);
        if (product == null) {
            throw ApiError.invalidArgument("productKey", "product " + productKey + " does not exist");
        }
        String timezone = ProductHandlers.requireText(body, "timezone");
        checkTimezone(timezone);
        if (!body.hasNonNull("deviceName")) {
            throw ApiError.missing("deviceName");
        }
        String deviceKey = Json.text(body, "deviceKey");
        if (deviceKey == null || deviceKey.isBlank()) {
            deviceKey = newDeviceKey(productKey);
        } else if (!deviceKey.matches("[A-Za-z0-9_.\\-:]{1,64}")) {
            throw ApiError.invalidArgument("deviceKey", "letters, digits, _ . - : and at most 64 characters");
        }
        synchronized (devices) {
            if (devices.keyTaken(productKey, deviceKey)) {
                throw ApiError.of(11702, "deviceKey " + deviceKey + " already exists in product " + productKey);
            }
            if (devices.countOf(productKey) >= Devices.MAX_DEVICES_PER_PRODUCT) {
                throw ApiError.of(11739, "Exceed max device size: product " + productKey + " already has "
                        + Devices.MAX_DEVICES_PER_PRODUCT + " devices");
            }
            ThingModel model = ThingModels.byId(product.path("modelId").asText());
            ObjectNode asset = Json.object().put("modelId", product.path("modelId").asText())
                    .put("modelIdPath", model == null ? "/" + product.path("modelId").asText() : model.modelIdPath());
            asset.set("name", ProductHandlers.i18n(body.get("deviceName")));
            asset.put("description", body.hasNonNull("deviceDesc") ? body.get("deviceDesc").asText() : "")
                    .put("timezone", timezone).put("label", "0").put("inValid", false)
                    .put("createTime", clock.nowMillis());
            asset.set("attributes", attributes(body.get("deviceAttributes")));
            asset.set("tags", ProductHandlers.tags(body.get("deviceTags")));
            asset.put("productKey", productKey).put("deviceKey", deviceKey);
            String assetId = devices.create(asset);
            ObjectNode device = devices.byAssetId(assetId);
            return Json.object().put("productKey", productKey).put("deviceKey", deviceKey)
                    .put("deviceSecret", device.path("deviceSecret").asText()).put("assetId", assetId);
        }
    }

    private String newDeviceKey(String productKey) {
        String key;
        do {
            key = Long.toString(DataSet.mix(dataSet.seed() + keySeq.incrementAndGet()) & 0xFFFFFFFFFFFL, 36);
        } while (devices.keyTaken(productKey, key));
        return key;
    }

    // POST devices?action=search , body {expression, pagination, projection}: createTime desc, sorters refused
    Object search(SimRequest request, Set<String> fields) {
        JsonNode body = request.jsonObject();
        Paging paging = Paging.from(body, 10, 200, false);
        Projection projection = Projection.from(body);
        String expression = Json.text(body, "expression");
        Reply reply;
        if ((expression == null || expression.isBlank()) && devices.positional()) {
            reply = directPage(paging, projection);
        } else {
            Predicate<JsonNode> filter = Expression.parse(expression, fields,
                    DEVICE_NAME.orElse(FieldResolver.JSON_PATH));
            Paging.Collector collector = paging.collector(filter, projection);
            devices.forEachNewestFirst(collector);
            reply = collector.reply();
        }
        reply.pagination().putArray("sortedBy").addObject().put("field", "createTime").put("order", "DESC");
        return reply;
    }

    /** An unfiltered page cut by position: no scan, whatever the fleet's size. */
    private Reply directPage(Paging paging, Projection projection) {
        List<String> newest = devices.createdNewestFirst();
        long total = newest.size() + (long) devices.generatedCount();
        ArrayNode items = Json.array();
        for (long p = paging.offset(); p < Math.min(total, paging.offset() + paging.pageSize()); p++) {
            ObjectNode device = devices.at((int) p, newest);
            if (device != null) {
                items.add(Projection.apply(projection, device));
            }
        }
        return Reply.page(items, paging.toJson(total));
    }

    // POST devices?action=update&assetId|productKey+deviceKey , body {deviceName, deviceDesc, timezone, deviceAttributes, deviceTags}
    Object update(SimRequest request) {
        ObjectNode device = devices.require(request);
        JsonNode body = request.jsonObject();
        ObjectNode asset = dataSet.assets().get(device.path("assetId").asText()).orElseThrow();
        if (body.hasNonNull("deviceName")) {
            asset.set("name", ProductHandlers.i18n(body.get("deviceName")));
        }
        if (body.has("deviceDesc")) {
            asset.put("description", body.path("deviceDesc").asText(""));
        }
        if (body.hasNonNull("timezone")) {
            checkTimezone(body.get("timezone").asText());
            asset.put("timezone", body.get("timezone").asText());
        }
        if (body.has("deviceAttributes")) {
            ObjectNode attributes = asset.has("attributes") ? (ObjectNode) asset.get("attributes") : asset.putObject("attributes");
            attributes.setAll(attributes(body.get("deviceAttributes")));
        }
        if (body.has("deviceTags")) {
            asset.set("tags", ProductHandlers.tags(body.get("deviceTags")));
        }
        dataSet.assets().put(asset);
        return null;
    }

    // POST devices?action=delete&assetId|productKey+deviceKey
    Object delete(SimRequest request) {
        ObjectNode device = devices.require(request);
        devices.delete(device);
        topology.forget(device.path("assetId").asText());
        return null;
    }

    // POST devices?action=enable|disable&assetId|productKey+deviceKey
    Object enable(SimRequest request, boolean disable) {
        ObjectNode device = devices.require(request);
        if (!devices.setDisabled(device.path("assetId").asText(), disable)) {
            throw ApiError.of(11794, "Device status invalid: the device is already "
                    + (disable ? "disabled" : "enabled"));
        }
        return null;
    }

    // POST devices?action=replaceDevice&assetId|productKey+deviceKey , body {newDeviceKey}
    // -> {assetId, productKey, deviceKey, deviceSecret}: the new key and a new secret; the device is inactive again
    Object replace(SimRequest request) {
        ObjectNode device = devices.require(request);
        String newKey = ProductHandlers.requireText(request.jsonObject(), "newDeviceKey");
        if (!newKey.matches(NEW_DEVICE_KEY)) {
            throw ApiError.invalidArgument("newDeviceKey", "4 to 64 letters, digits, - _ or ., was " + newKey);
        }
        String oldKey = device.path("deviceKey").asText();
        if (newKey.equals(oldKey)) {
            throw ApiError.of(11704, "The new deviceKey is the same as the old one");
        }
        String productKey = device.path("productKey").asText();
        synchronized (devices) {
            if (devices.keyTaken(productKey, newKey)) {
                throw ApiError.of(11702, "deviceKey " + newKey + " already exists in product " + productKey);
            }
            ObjectNode asset = dataSet.assets().get(device.path("assetId").asText()).orElseThrow();
            devices.replaceKey(asset, oldKey, newKey);
        }
        String assetId = device.path("assetId").asText();
        return Json.object().put("assetId", assetId).put("productKey", productKey).put("deviceKey", newKey)
                .put("deviceSecret", devices.secretOf(assetId));
    }

    // GET devices?action=getStats[&productKey=]
    Object stats(SimRequest request) {
        String productKey = request.query("productKey");
        if (productKey != null && devices.products().peek(productKey) == null) {
            throw ApiError.invalidArgument("productKey", "product " + productKey + " does not exist");
        }
        long[] counts = new long[4];
        devices.forEachNewestFirst(d -> {
            if (productKey != null && !productKey.equals(d.path("productKey").asText())) {
                return;
            }
            switch (d.path("status").asText()) {
                case Devices.ONLINE -> counts[0]++;
                case Devices.OFFLINE -> counts[1]++;
                case Devices.INACTIVE -> counts[2]++;
                default -> counts[3]++;
            }
        });
        return Json.object().put("totalCount", counts[0] + counts[1] + counts[2] + counts[3])
                .put("onlineCount", counts[0]).put("offlineCount", counts[1])
                .put("inactiveCount", counts[2]).put("disabledCount", counts[3]);
    }

    private static ObjectNode attributes(JsonNode attributes) {
        if (attributes == null || attributes.isNull()) {
            return Json.object();
        }
        if (!attributes.isObject()) {
            throw ApiError.invalidArgument("deviceAttributes", "a JSON object is expected");
        }
        return ((ObjectNode) attributes).deepCopy();
    }

    private static void checkTimezone(String timezone) {
        try {
            Commands.zoneStrict(timezone);
        } catch (RuntimeException e) {
            throw ApiError.invalidArgument("timezone", "not a timezone: " + timezone);
        }
    }
}
