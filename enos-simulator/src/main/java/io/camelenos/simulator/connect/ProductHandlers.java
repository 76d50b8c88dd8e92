package io.camelenos.simulator.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimClock;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.query.Expression;
import io.camelenos.simulator.query.Paging;
import io.camelenos.simulator.query.Projection;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.util.Set;

/** The products endpoints: create, get, search, update, delete. */
final class ProductHandlers {

    private static final Set<String> DATA_FORMATS = Set.of("Json", "Custom");
    private static final Set<String> TYPES = Set.of("Device", "Gateway");

    private final Products products;
    private final Devices devices;
    private final SimClock clock;

    ProductHandlers(Products products, Devices devices, SimClock clock) {
        this.products = products;
        this.devices = devices;
        this.clock = clock;
    }

    // POST products?action=create , body {productName, modelId, dataFormat, productType, biDirectionalAuth, productDesc, dynamicActivateEnabled, productTags}
    Object create(SimRequest request) {
        JsonNode body = request.jsonObject();
        if (!body.hasNonNull("productName")) {
            throw ApiError.missing("productName");
        }
        String modelId = requireText(body, "modelId");
        if (ThingModels.byId(modelId) == null) {
            throw ApiError.of(11699, "modelId " + modelId + " does not exist");
        }
        String dataFormat = oneOf(body, "dataFormat", DATA_FORMATS);
        String type = oneOf(body, "productType", TYPES);
        if (!body.hasNonNull("biDirectionalAuth")) {
            throw ApiError.missing("biDirectionalAuth");
        }
        ObjectNode product = Json.object().put("productKey", "");
        product.set("productName", i18n(body.get("productName")));
        product.put("productSecret", "").put("productDesc", Json.text(body, "productDesc"))
                .put("dataFormat", dataFormat).put("productType", type);
        product.set("productTags", tags(body.get("productTags")));
        product.put("modelId", modelId)
                .put("dynamicActivateEnabled", bool(body, "dynamicActivateEnabled", false))
                .put("biDirectionalAuth", bool(body, "biDirectionalAuth", false));
        return products.create(product, clock.nowMillis());
    }

    // GET products?action=get&productKey=
    Object get(SimRequest request) {
        return products.require(request.requireQuery("productKey"), 11611);
    }

    // POST products?action=search , body {expression, pagination, projection}
    Object search(SimRequest request, Set<String> fields) {
        JsonNode body = request.jsonObject();
        Paging paging = Paging.from(body, 10, 200, false);
        Paging.Collector collector = paging.collector(
                Expression.parse(Json.text(body, "expression"), fields), Projection.from(body));
        products.forEach(collector);
        return collector.reply();
    }

    // POST products?action=update&productKey= , body {productName, productDesc, biDirectionalAuth, dynamicActivateEnabled, productTags, dataFormat}
    Object update(SimRequest request) {
        String key = request.param("productKey");
        if (key == null || key.isBlank()) {
            throw ApiError.missing("productKey");
        }
        ObjectNode product = products.require(key, 11651);
        JsonNode body = request.jsonObject();
        for (String fixed : new String[] {"modelId", "productType"}) {
            if (body.hasNonNull(fixed) && !body.get(fixed).asText().equals(product.path(fixed).asText())) {
                throw ApiError.invalidArgument(fixed, fixed + " of a product cannot be changed");
            }
        }
        if (body.hasNonNull("productName")) {
            product.set("productName", i18n(body.get("productName")));
        }
        if (body.has("productDesc")) {
            product.put("productDesc", Json.text(body, "productDesc"));
        }
        if (body.hasNonNull("dataFormat")) {
            product.put("dataFormat", oneOf(body, "dataFormat", DATA_FORMATS));
        }
        if (body.has("productTags")) {
            product.set("productTags", tags(body.get("productTags")));
        }
        if (body.hasNonNull("biDirectionalAuth")) {
            product.put("biDirectionalAuth", bool(body, "biDirectionalAuth", false));
        }
        if (body.hasNonNull("dynamicActivateEnabled")) {
            product.put("dynamicActivateEnabled", bool(body, "dynamicActivateEnabled", false));
        }
        product.put("updateBy", "api").put("updateTime", clock.nowMillis());
        products.put(product);
        return null;
    }

    // POST products?action=delete&productKey=
    Object delete(SimRequest request) {
        String key = request.param("productKey");
        if (key == null || key.isBlank()) {
            throw ApiError.missing("productKey");
        }
        products.require(key, 99404);
        int count = devices.countOf(key);
        if (count > 0) {
            throw ApiError.invalidArgument("productKey", "product " + key + " still has " + count
                    + " devices; delete them first");
        }
        products.delete(key);
        return null;
    }

    static String requireText(JsonNode body, String field) {
        String value = Json.text(body, field);
        if (value == null || value.isBlank()) {
            throw ApiError.missing(field);
        }
        return value;
    }

    private static String oneOf(JsonNode body, String field, Set<String> allowed) {
        String value = requireText(body, field);
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                return a;
            }
        }
        throw ApiError.invalidArgument(field, "must be one of " + allowed + ", was " + value);
    }

    private static boolean bool(JsonNode body, String field, boolean fallback) {
        String text = Json.text(body, field);
        if (text == null) {
            return fallback;
        }
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw ApiError.invalidArgument(field, "a boolean is expected, was " + text);
        }
        return Boolean.parseBoolean(text);
    }

    /** A name given as a StringI18n or a plain string; stored as StringI18n. */
    static JsonNode i18n(JsonNode name) {
        if (name.isObject()) {
            if (!name.hasNonNull("defaultValue")) {
                throw ApiError.invalidArgument("name", "defaultValue of a StringI18n is missing");
            }
            ObjectNode copy = ((ObjectNode) name).deepCopy();
            if (!copy.has("i18nValue")) {
                copy.putObject("i18nValue");
            }
            return copy;
        }
        ObjectNode node = Json.object().put("defaultValue", name.asText());
        node.putObject("i18nValue");
        return node;
    }

    /** A tag map: string keys and values (EnOS tags are Map<String, String>). */
    static ObjectNode tags(JsonNode tags) {
        if (tags == null || tags.isNull()) {
            return Json.object();
        }
        if (!tags.isObject()) {
            throw ApiError.invalidArgument("tags", "a map of strings is expected");
        }
        ObjectNode result = Json.object();
        tags.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) {
                throw ApiError.invalidArgument("tags", "tag " + e.getKey() + " must have a string value");
            }
            result.put(e.getKey(), e.getValue().asText());
        });
        return result;
    }
}
