package io.camelenos.examples;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One CSV row of the device provisioning example to EnOS request bodies. Columns: {@code productName} and
 * {@code modelId} (the product the device belongs to, created if missing), {@code deviceName} and {@code timezone}
 * (required), {@code deviceKey} (optional: EnOS generates one), {@code deviceDesc}, {@code attributes.<id>} (read as
 * JSON when valid JSON, as a string otherwise) and {@code tags.<key>}.
 */
final class DeviceRows {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeviceRows() {
    }

    static String productName(Map<String, String> row) {
        String name = required(row, "productName");
        if (name.contains("'")) {
            // the name goes into a search expression between single quotes
            throw new IllegalArgumentException("productName must not contain a single quote");
        }
        return name;
    }

    /** The body of Create Product: a directly connected device product of the row's model, JSON data format. */
    static ObjectNode productBody(Map<String, String> row) {
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("productName").put("defaultValue", productName(row));
        body.put("modelId", required(row, "modelId"))
                .put("dataFormat", "Json")
                .put("productType", "Device")
                .put("biDirectionalAuth", false);
        return body;
    }

    /** The body of Create Device in product {@code productKey}. */
    static ObjectNode deviceBody(Map<String, String> row, String productKey) {
        ObjectNode body = MAPPER.createObjectNode().put("productKey", productKey);
        body.putObject("deviceName").put("defaultValue", required(row, "deviceName"));
        body.put("timezone", required(row, "timezone"));
        for (Map.Entry<String, String> cell : row.entrySet()) {
            String column = cell.getKey();
            String value = cell.getValue();
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (column.equals("deviceKey") || column.equals("deviceDesc")) {
                body.put(column, value);
            } else if (column.startsWith("attributes.")) {
                body.with("deviceAttributes").set(column.substring("attributes.".length()), jsonOrText(value));
            } else if (column.startsWith("tags.")) {
                body.with("deviceTags").put(column.substring("tags.".length()), value);
            } else if (!Map.of("productName", 1, "modelId", 1, "deviceName", 1, "timezone", 1).containsKey(column)) {
                throw new IllegalArgumentException("unknown column " + column);
            }
        }
        return body;
    }

    private static String required(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return value.strip();
    }

    private static JsonNode jsonOrText(String cell) {
        try {
            return MAPPER.readTree(cell);
        } catch (JsonProcessingException notJson) {
            return MAPPER.getNodeFactory().textNode(cell);
        }
    }
}
