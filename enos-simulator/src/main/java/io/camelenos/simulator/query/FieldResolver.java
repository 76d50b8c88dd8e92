package io.camelenos.simulator.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the values a field of an expression has in a record. The default follows the dotted path through the JSON
 * (arrays contribute each element), reads an i18n object by its default value, and {@code name.en_US} by locale.
 */
@FunctionalInterface
public interface FieldResolver {

    /** The non-null scalar values of the field (empty when the field is absent). */
    List<JsonNode> values(JsonNode record, String field);

    FieldResolver JSON_PATH = FieldResolver::followPath;

    /** Resolves some fields specially and the rest by path. */
    default FieldResolver orElse(FieldResolver fallback) {
        return (record, field) -> {
            List<JsonNode> mine = values(record, field);
            return mine == null ? fallback.values(record, field) : mine;
        };
    }

    static List<JsonNode> followPath(JsonNode record, String field) {
        List<JsonNode> current = List.of(record);
        for (String segment : field.split("\\.")) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                JsonNode child = node.isObject() && node.has("i18nValue") && !segment.equals("defaultValue")
                        && !segment.equals("i18nValue") ? node.path("i18nValue").get(segment) : node.get(segment);
                if (child != null && !child.isNull()) {
                    if (child.isArray()) {
                        child.forEach(next::add);
                    } else {
                        next.add(child);
                    }
                }
            }
            current = next;
        }
        List<JsonNode> scalars = new ArrayList<>(current.size());
        for (JsonNode node : current) {
            if (node.isObject() && node.has("defaultValue")) {
                scalars.add(node.get("defaultValue"));
            } else if (!node.isMissingNode() && !node.isNull()) {
                scalars.add(node);
            }
        }
        return scalars;
    }
}
