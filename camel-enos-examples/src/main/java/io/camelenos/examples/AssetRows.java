package io.camelenos.examples;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One CSV row to the body of EnOS's Update Asset call. Columns: {@code assetId} (required), {@code attributes.<id>},
 * {@code tags.<key>}, {@code name}, {@code description}, {@code timezone}; an empty cell leaves that field alone.
 * An attribute cell is read as JSON when it is valid JSON ({@code 2500}, {@code true}, {@code "2500"},
 * {@code [1,2]}) and as a string otherwise ({@code ACME}); tags are always strings.
 */
final class AssetRows {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AssetRows() {
    }

    /** {@code {"asset": {"assetId": ..., "attributes": {...}, "tags": {...}}}}; a bad row throws with the reason. */
    static ObjectNode toUpdate(Map<String, String> row) {
        String assetId = row.get("assetId");
        if (assetId == null || assetId.isBlank()) {
            throw new IllegalArgumentException("assetId is empty");
        }
        ObjectNode asset = MAPPER.createObjectNode().put("assetId", assetId.strip());
        for (Map.Entry<String, String> cell : row.entrySet()) {
            String column = cell.getKey();
            String value = cell.getValue();
            if (column.equals("assetId") || value == null || value.isEmpty()) {
                continue;
            }
            if (column.startsWith("attributes.")) {
                asset.with("attributes").set(column.substring("attributes.".length()), attributeValue(value));
            } else if (column.startsWith("tags.")) {
                asset.with("tags").put(column.substring("tags.".length()), value);
            } else if (column.equals("name") || column.equals("description") || column.equals("timezone")) {
                asset.put(column, value);
            } else {
                throw new IllegalArgumentException("unknown column " + column
                        + " (columns: assetId, attributes.<id>, tags.<key>, name, description, timezone)");
            }
        }
        if (asset.size() == 1) {
            throw new IllegalArgumentException("nothing to update for asset " + assetId);
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.set("asset", asset);
        return body;
    }

    private static JsonNode attributeValue(String cell) {
        try {
            return MAPPER.readTree(cell);
        } catch (JsonProcessingException notJson) {
            return MAPPER.getNodeFactory().textNode(cell);
        }
    }
}
