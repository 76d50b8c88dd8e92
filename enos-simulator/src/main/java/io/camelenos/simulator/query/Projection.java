package io.camelenos.simulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * EnOS's {@code projection}: a list of paths that crops each record to the named parts. {@code .} goes into a
 * sub-field, {@code *} stands for any field, {@code [*]} for each element of an array, e.g.
 * {@code ["assetId", "name.defaultValue", "attributes.distances[*].towards"]}.
 */
public final class Projection {

    private final List<String[]> paths;

    private Projection(List<String[]> paths) {
        this.paths = paths;
    }

    /** Reads {@code projection} from a request body; null when absent or empty (records are returned whole). */
    public static Projection from(JsonNode body) {
        JsonNode node = body == null ? null : body.get("projection");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw ApiError.invalidArgument("projection", "an array of field paths is expected");
        }
        List<String[]> paths = new ArrayList<>();
        for (JsonNode item : node) {
            String path = item.asText();
            if (path.isBlank()) {
                throw ApiError.invalidArgument("projection", "empty path");
            }
            paths.add(path.replace("[*]", ".[*]").split("\\."));
        }
        return paths.isEmpty() ? null : new Projection(paths);
    }

    public static JsonNode apply(Projection projection, JsonNode record) {
        return projection == null ? record : projection.apply(record);
    }

    public JsonNode apply(JsonNode record) {
        ObjectNode result = Json.object();
        for (String[] path : paths) {
            copy(record, result, path, 0);
        }
        return result;
    }

    private static void copy(JsonNode source, JsonNode target, String[] path, int at) {
        String segment = path[at];
        boolean last = at == path.length - 1;
        if (segment.equals("[*]")) {
            if (source.isArray() && target.isArray()) {
                copyElements((ArrayNode) source, (ArrayNode) target, path, at, last);
            }
            return;
        }
        if (!source.isObject() || !target.isObject()) {
            return;
        }
        ObjectNode out = (ObjectNode) target;
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!segment.equals("*") && !segment.equals(field.getKey())) {
                continue;
            }
            JsonNode value = field.getValue();
            if (last) {
                out.set(field.getKey(), value.deepCopy());
            } else if (value.isObject() || value.isArray()) {
                JsonNode child = out.get(field.getKey());
                if (child == null) {
                    child = value.isArray() ? out.putArray(field.getKey()) : out.putObject(field.getKey());
                }
                copy(value, child, path, at + 1);
            }
        }
    }

    private static void copyElements(ArrayNode source, ArrayNode target, String[] path, int at, boolean last) {
        for (int i = 0; i < source.size(); i++) {
            JsonNode element = source.get(i);
            if (last) {
                if (target.size() <= i) {
                    target.add(element.deepCopy());
                }
                continue;
            }
            while (target.size() <= i) {
                target.add(element.isArray() ? Json.array() : Json.object());
            }
            copy(element, target.get(i), path, at + 1);
        }
    }
}
