package io.camelenos.app.api;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.app.text.UntrustedText;

/**
 * Turns the update API's request body into the body of EnOS's Update Asset call
 * ({@code {"asset": {"assetId": ..., ...}}}), refusing what EnOS would refuse for its shape, so the caller gets a 400
 * naming the field instead of an EnOS error. Values of attributes are not checked here: only EnOS knows the model.
 */
public final class AssetUpdates {

    static final Set<String> FIELDS = Set.of("name", "description", "timezone", "attributes", "tags");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AssetUpdates() {
    }

    /** The EnOS request body for an update of {@code assetId} described by {@code json}. */
    public static ObjectNode toEnosBody(String assetId, String json) {
        if (assetId == null || assetId.isBlank()) {
            throw new InvalidInputException("assetId", "must not be blank");
        }
        refuseControlCharacters("assetId", assetId);
        JsonNode input = parse(json);
        ObjectNode asset = MAPPER.createObjectNode().put("assetId", assetId);
        Iterator<Map.Entry<String, JsonNode>> fields = input.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            refuseControlCharacters(field.getKey(), field.getValue());
            asset.set(field.getKey(), checked(field.getKey(), field.getValue()));
        }
        if (asset.size() == 1) {
            throw new InvalidInputException("body", "nothing to update; give at least one of " + String.join(", ",
                    FIELDS.stream().sorted().toList()));
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.set("asset", asset);
        return body;
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidInputException("body", "a JSON object is expected, the body is empty");
        }
        try {
            JsonNode input = MAPPER.readTree(json);
            if (input == null || !input.isObject()) {
                throw new InvalidInputException("body", "a JSON object is expected");
            }
            return input;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "not valid JSON: " + UntrustedText.forLog(e.getOriginalMessage()));
        }
    }

    /**
     * CR, LF, NUL and the other control characters are refused in every key and string of the value, at any depth:
     * EnOS stores them, and from there they reach logs and databases (PostgreSQL refuses NUL in text).
     */
    private static void refuseControlCharacters(String name, JsonNode value) {
        if (value.isTextual()) {
            refuseControlCharacters(name, value.asText());
        } else if (value.isObject()) {
            value.fields().forEachRemaining(member -> {
                String path = name + "." + UntrustedText.forLog(member.getKey());
                refuseControlCharacters(path, member.getKey());
                refuseControlCharacters(path, member.getValue());
            });
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                refuseControlCharacters(name + "[" + i + "]", value.get(i));
            }
        }
    }

    private static void refuseControlCharacters(String name, String text) {
        if (UntrustedText.hasControlCharacters(text)) {
            throw new InvalidInputException(UntrustedText.forLog(name),
                    "control characters (CR, LF, NUL, ...) are not accepted, was " + UntrustedText.forLog(text));
        }
    }

    private static JsonNode checked(String name, JsonNode value) {
        switch (name) {
            case "description" -> requireText(name, value);
            case "timezone" -> {
                requireText(name, value);
                if (value.asText().isBlank()) {
                    throw new InvalidInputException(name, "must not be blank");
                }
            }
            case "name" -> {
                // a plain string, or EnOS's i18n object {"defaultValue": ..., "i18nValue": {"en_US": ...}}
                if (!value.isTextual() && !(value.isObject() && value.path("defaultValue").isTextual())) {
                    throw new InvalidInputException(name, "a string or an object with a defaultValue string is expected");
                }
            }
            case "attributes" -> requireObject(name, value);
            case "tags" -> {
                requireObject(name, value);
                value.fields().forEachRemaining(tag -> requireText(name + "." + tag.getKey(), tag.getValue()));
            }
            default -> throw new InvalidInputException(UntrustedText.forLog(name), "unknown field; the fields are " + String.join(", ",
                    FIELDS.stream().sorted().toList()));
        }
        return value;
    }

    private static void requireText(String name, JsonNode value) {
        if (!value.isTextual()) {
            throw new InvalidInputException(name, "a string is expected, was " + value);
        }
    }

    private static void requireObject(String name, JsonNode value) {
        if (!value.isObject()) {
            throw new InvalidInputException(name, "a JSON object is expected, was " + value);
        }
    }
}
