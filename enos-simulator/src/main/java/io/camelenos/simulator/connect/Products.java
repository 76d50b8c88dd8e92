package io.camelenos.simulator.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The org's products: the generated ones (one per device model and run of 400 sites, see
 * {@link DataSet#productKeyOf}) computed from the data set, plus products created through the API. Updates and
 * deletes of generated products are kept as an overlay, so nothing is stored for the untouched fleet.
 */
final class Products {

    /** Device models that have generated products, in the order products are listed. */
    static final List<ThingModel> DEVICE_MODELS = List.of(ThingModels.WIND_TURBINE, ThingModels.INVERTER,
            ThingModels.METER);
    private static final int ASSETS_PER_PRODUCT = DataSet.BLOCK * DataSet.DEVICES_PER_PRODUCT_BLOCKS;

    private final DataSet dataSet;
    private final long createdAt;
    private final Map<String, ObjectNode> changed = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> generatedCounts = new ConcurrentHashMap<>();
    /** Generated products already parsed (a few per 10,000 assets), so a device read does not re-derive its product. */
    private final Map<String, ObjectNode> generatedCache = new ConcurrentHashMap<>();
    private final List<ObjectNode> created = new ArrayList<>();
    private final Map<String, ObjectNode> createdByKey = new ConcurrentHashMap<>();
    private long createdSeq;

    Products(DataSet dataSet) {
        this.dataSet = dataSet;
        this.createdAt = DataSet.EPOCH_MILLIS - 86_400_000L;
    }

    /** The product, or null when it does not exist. */
    ObjectNode get(String productKey) {
        if (productKey == null || deleted.contains(productKey)) {
            return null;
        }
        ObjectNode node = changed.get(productKey);
        if (node == null) {
            node = createdByKey.get(productKey);
        }
        if (node != null) {
            return node.deepCopy();
        }
        ObjectNode cached = generatedCache.get(productKey);
        if (cached == null) {
            cached = generated(productKey);
            if (cached == null) {
                return null;
            }
            generatedCache.put(productKey, cached);
        }
        return cached.deepCopy();
    }

    /** The product without a copy, for reads that only look at it (device views). */
    JsonNode peek(String productKey) {
        if (productKey == null || deleted.contains(productKey)) {
            return null;
        }
        ObjectNode node = changed.get(productKey);
        if (node == null) {
            node = createdByKey.get(productKey);
        }
        if (node == null) {
            node = generatedCache.get(productKey);
        }
        return node != null ? node : get(productKey);
    }

    ObjectNode require(String productKey, int code) {
        ObjectNode product = get(productKey);
        if (product == null) {
            throw ApiError.of(code, "productKey " + productKey + " does not exist");
        }
        return product;
    }

    String create(ObjectNode product, long now) {
        synchronized (created) {
            String key = "pk" + Long.toString(36L * 36 * 36 * 36 * 36 + ++createdSeq, 36);
            product.put("productKey", key)
                    .put("productSecret", secret("product", key))
                    .put("createBy", "api").put("createTime", now).put("updateBy", "api").put("updateTime", now);
            created.add(product);
            createdByKey.put(key, product);
            return key;
        }
    }

    void put(ObjectNode product) {
        String key = product.path("productKey").asText();
        synchronized (created) {
            ObjectNode mine = createdByKey.get(key);
            if (mine != null) {
                created.set(created.indexOf(mine), product);
                createdByKey.put(key, product);
                return;
            }
        }
        changed.put(key, product);
    }

    void delete(String productKey) {
        deleted.add(productKey);
        changed.remove(productKey);
        synchronized (created) {
            ObjectNode mine = createdByKey.remove(productKey);
            if (mine != null) {
                created.remove(mine);
            }
        }
    }

    /** Every product: generated ones by bucket and model, then created ones in creation order. */
    void forEach(Consumer<? super ObjectNode> visitor) {
        int buckets = (dataSet.baseAssetCount() + ASSETS_PER_PRODUCT - 1) / ASSETS_PER_PRODUCT;
        for (int bucket = 0; bucket < buckets; bucket++) {
            for (ThingModel model : DEVICE_MODELS) {
                int first = firstDeviceOf(model, bucket);
                if (first >= 0) {
                    ObjectNode product = get(dataSet.productKeyOf(first));
                    if (product != null) {
                        visitor.accept(product);
                    }
                }
            }
        }
        List<ObjectNode> snapshot;
        synchronized (created) {
            snapshot = new ArrayList<>(created);
        }
        snapshot.forEach(p -> visitor.accept(p.deepCopy()));
    }

    /** The first generated device of a model in a product bucket, or -1 when the bucket has none. */
    int firstDeviceOf(ThingModel model, int bucket) {
        int from = bucket * ASSETS_PER_PRODUCT;
        int to = Math.min(from + ASSETS_PER_PRODUCT, dataSet.baseAssetCount());
        for (int site = from; site < to; site += DataSet.BLOCK) {
            for (int i = site + 1; i < Math.min(site + DataSet.BLOCK, to); i++) {
                if (dataSet.modelOf(i) == model) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** How many generated devices belong to a product (0 for a created product). */
    int generatedDeviceCount(String productKey) {
        if (peek(productKey) == null) {
            return 0;
        }
        return generatedCounts.getOrDefault(productKey, 0);
    }

    private int countDevices(ThingModel model, int bucket) {
        int from = bucket * ASSETS_PER_PRODUCT;
        int to = Math.min(from + ASSETS_PER_PRODUCT, dataSet.baseAssetCount());
        int count = 0;
        for (int site = from; site < to; site += DataSet.BLOCK) {
            int size = Math.min(DataSet.BLOCK, to - site);
            if (size < 2) {
                continue;
            }
            if (model == ThingModels.METER) {
                count++;
            } else if (dataSet.modelOf(site + 1) == model) {
                count += size - 2;
            }
        }
        return count;
    }

    private ObjectNode generated(String productKey) {
        for (ThingModel model : DEVICE_MODELS) {
            String prefix = DataSet.productPrefix(model);
            if (!productKey.startsWith(prefix) || !productKey.endsWith("Pk")) {
                continue;
            }
            String tag = dataSet.assetId(0).substring(0, 2);
            String middle = productKey.substring(prefix.length(), productKey.length() - 2);
            if (!middle.startsWith(tag) || middle.length() < 3) {
                return null;
            }
            int bucket;
            try {
                bucket = Integer.parseInt(middle.substring(2), 36);
            } catch (NumberFormatException e) {
                return null;
            }
            int first = bucket < 0 ? -1 : firstDeviceOf(model, bucket);
            if (first < 0 || !dataSet.productKeyOf(first).equals(productKey)) {
                return null;
            }
            generatedCounts.put(productKey, countDevices(model, bucket));
            return generatedJson(productKey, model, bucket);
        }
        return null;
    }

    private ObjectNode generatedJson(String productKey, ThingModel model, int bucket) {
        // Meters log the site's data and forward it: their product is a gateway (see Topology).
        boolean gateway = model == ThingModels.METER;
        ObjectNode node = Json.object().put("productKey", productKey);
        node.set("productName", DataSet.i18n(model.name() + " product " + (bucket + 1),
                model.zhName() + "产品 " + (bucket + 1)));
        node.put("productSecret", secret("product", productKey))
                .put("productDesc", model.name() + "s of sites " + (bucket * DataSet.DEVICES_PER_PRODUCT_BLOCKS + 1)
                        + " to " + ((bucket + 1) * DataSet.DEVICES_PER_PRODUCT_BLOCKS))
                .put("dataFormat", "Json")
                .put("productType", gateway ? "Gateway" : "Device");
        node.putObject("productTags").put("fleet", "generated");
        node.put("modelId", model.modelId())
                .put("dynamicActivateEnabled", false)
                .put("biDirectionalAuth", model == ThingModels.WIND_TURBINE)
                .put("createBy", "system").put("createTime", createdAt)
                .put("updateBy", "system").put("updateTime", createdAt);
        return node;
    }

    /** A deterministic secret for a key: what EnOS hands out at creation, stable across restarts with one seed. */
    String secret(String kind, String key) {
        long h = DataSet.mix(dataSet.seed() * 0x9E3779B97F4A7C15L + (kind + key).hashCode());
        long h2 = DataSet.mix(h ^ key.length());
        String s = Long.toString(h & Long.MAX_VALUE, 36) + Long.toString(h2 & Long.MAX_VALUE, 36);
        return s.length() > 20 ? s.substring(0, 20) : s;
    }
}
