package io.camelenos.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns the {@code data} of an answer (or one record of it) into the body type chosen with {@code outputType}.
 */
final class EnosResultMapper {

    private final ObjectMapper mapper;
    private final Class<?> type;

    EnosResultMapper(ObjectMapper mapper, Class<?> type) {
        this.mapper = mapper;
        this.type = type == null ? JsonNode.class : type;
    }

    Object convert(JsonNode data) {
        if (data == null || data.isMissingNode() || data.isNull()) {
            return null;
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return data;
        }
        if (type == String.class) {
            // a created object's id comes back as a JSON string: the body is the id, not a quoted literal
            return data.isTextual() ? data.asText() : data.toString();
        }
        if (data.isArray()) {
            List<Object> list = new ArrayList<>(data.size());
            data.forEach(item -> list.add(convertOne(item)));
            return list;
        }
        return convertOne(data);
    }

    /** Each record on its own, as a List (records of a query result, whatever the outputType). */
    List<Object> convertEach(List<JsonNode> records) {
        List<Object> list = new ArrayList<>(records.size());
        records.forEach(record -> list.add(convert(record)));
        return list;
    }

    private Object convertOne(JsonNode node) {
        if (Map.class.isAssignableFrom(type) && !node.isObject()) {
            return mapper.convertValue(node, Object.class); // scalars stay scalars
        }
        return mapper.convertValue(node, type);
    }
}
