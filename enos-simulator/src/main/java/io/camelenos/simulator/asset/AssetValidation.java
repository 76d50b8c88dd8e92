package io.camelenos.simulator.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.data.AttributeDef;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.wire.ApiError;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** The checks EnOS makes on asset attributes (12958) and tags (reference section 0, "Tags"). */
final class AssetValidation {

    private static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9_\\-/]{1,49}");

    private AssetValidation() {
    }

    /** 12958 when an attribute is not in the model, has the wrong type, or a required one is missing on replace. */
    static void checkAttributes(ThingModel model, ObjectNode attributes, boolean patch) {
        if (model == null) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = attributes.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            AttributeDef def = model.attributes().stream().filter(a -> a.id().equals(field.getKey())).findFirst()
                    .orElseThrow(() -> invalid("attribute " + field.getKey() + " is not defined in model " + model.modelId()));
            if (!fits(def.dataType(), field.getValue())) {
                throw invalid("attribute " + def.id() + " expects " + def.dataType() + " but was " + field.getValue());
            }
        }
        if (!patch) {
            for (AttributeDef def : model.attributes()) {
                if (def.required() && !attributes.has(def.id())) {
                    throw invalid("required attribute " + def.id() + " is missing");
                }
            }
        }
    }

    static void checkTags(JsonNode tags) {
        if (tags == null || tags.isNull()) {
            return;
        }
        if (!tags.isObject()) {
            throw ApiError.invalidArgument("tags", "a JSON object of strings is expected");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = tags.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> tag = fields.next();
            String value = tag.getValue().asText();
            if (!TAG_KEY.matcher(tag.getKey()).matches()) {
                throw ApiError.invalidArgument("tags", "invalid tag key '" + tag.getKey() + "'");
            }
            if (value.length() >= 200 || !value.equals(value.strip())) {
                throw ApiError.invalidArgument("tags", "invalid value of tag " + tag.getKey());
            }
        }
    }

    private static boolean fits(String dataType, JsonNode value) {
        return switch (dataType) {
            case "INT", "TIMESTAMP" -> value.isIntegralNumber();
            case "FLOAT", "DOUBLE" -> value.isNumber();
            case "BOOL" -> value.isBoolean();
            case "STRING", "ENUM", "DATE", "FILE" -> value.isTextual();
            case "ARRAY" -> value.isArray();
            case "STRUCT" -> value.isObject();
            default -> true;
        };
    }

    private static ApiError invalid(String detail) {
        return ApiError.of(12958, "Asset attribute validation failed: " + detail);
    }
}
