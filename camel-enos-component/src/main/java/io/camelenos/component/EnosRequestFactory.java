package io.camelenos.component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.catalog.PaginationStyle;
import io.camelenos.component.catalog.ParameterSpec;
import io.camelenos.component.client.EnosRequest;
import io.camelenos.component.client.PageCursor;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * Builds the HTTP request of a catalogued operation from an exchange: parameters come from {@code CamelEnos*} headers,
 * else from endpoint options; the JSON body starts from the message body, and options fill in the fields it lacks.
 */
final class EnosRequestFactory {

    private final ObjectMapper mapper;
    private final EnosOperation op;
    private final EnosConfiguration configuration;

    EnosRequestFactory(ObjectMapper mapper, EnosOperation op, EnosConfiguration configuration) {
        this.mapper = mapper;
        this.op = op;
        this.configuration = configuration;
    }

    /** The request for one page (cursor may be null for non-paged calls). */
    EnosRequest create(Message in, JsonNode baseBody, PageCursor cursor) {
        String body = hasBody() ? body(in, baseBody, cursor) : null;
        return new EnosRequest(op.method(), path(in), query(in, cursor), body, op.envelope(), op.service(), op.name(),
                op.userAuth(), op.returnsData());
    }

    /** The message body as JSON: null for GET and for an empty body; JSON text, Map or POJO otherwise. */
    JsonNode messageBody(Message in) throws InvalidPayloadException {
        Object body = in.getBody();
        if (!hasBody() || body == null) {
            return null;
        }
        try {
            if (body instanceof JsonNode node) {
                return node;
            }
            if (body instanceof String || body instanceof byte[]) {
                String text = in.getBody(String.class);
                return text.isBlank() ? null : mapper.readTree(text);
            }
            return mapper.valueToTree(body);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidPayloadException(in.getExchange(), JsonNode.class, in, e);
        }
    }

    private boolean hasBody() {
        return !"GET".equals(op.method()) && !"DELETE".equals(op.method());
    }

    private String path(Message in) {
        String path = op.path();
        for (String name : op.pathParameters()) {
            Object value = value(in, name);
            if (value == null) {
                throw new IllegalArgumentException("EnOS " + op.key() + " needs the path parameter " + name
                                                   + " (option " + name + " or header " + headerOf(name) + ")");
            }
            // URLEncoder writes form encoding: a space must be %20, not +, inside a path
            path = path.replace("{" + name + "}",
                    URLEncoder.encode(text(value), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path;
    }

    private Map<String, String> query(Message in, PageCursor cursor) {
        Map<String, String> query = new LinkedHashMap<>();
        Object orgId = value(in, EnosRequestParameters.ORG_ID);
        if (op.orgId() && orgId != null) {
            query.put("orgId", text(orgId));
        }
        if (op.action() != null) {
            query.put("action", op.action());
        }
        for (ParameterSpec spec : op.query()) {
            Object value = value(in, spec.option());
            if (value != null) {
                query.put(spec.wireName(), text(value));
            }
        }
        if (!hasBody() && cursor != null && op.pagination() == PaginationStyle.PAGE) {
            // a GET search has no body to carry its page: it pages by query parameters (stream pipeline list)
            putIfSet(query, "pageNo", cursor.pageNo());
            putIfSet(query, "pageSize", cursor.pageSize());
        }
        configuration.getQueryParameters().forEach((name, value) -> query.put(name, text(value)));
        return query;
    }

    private String body(Message in, JsonNode baseBody, PageCursor cursor) {
        if (baseBody != null && !baseBody.isObject()) {
            return baseBody.toString(); // an array (batch operations) goes as it is
        }
        ObjectNode body = baseBody == null ? mapper.createObjectNode() : ((ObjectNode) baseBody).deepCopy();
        for (ParameterSpec spec : op.body()) {
            putParameter(in, body, spec);
        }
        if (cursor != null) {
            putCursor(body, cursor);
        }
        return body.toString();
    }

    /** A header always wins; an option only fills a field the message body does not set. */
    private void putParameter(Message in, ObjectNode body, ParameterSpec spec) {
        Object header = in.getHeader(headerOf(spec.option()));
        Object value = header != null ? header : (body.has(spec.wireName()) ? null : option(spec.option()));
        if (value != null) {
            body.set(spec.wireName(), spec.array() ? array(value) : mapper.valueToTree(value));
        }
    }

    private void putCursor(ObjectNode body, PageCursor cursor) {
        switch (op.pagination()) {
            case NONE -> {
                // nothing to page
            }
            case PAGE -> {
                if (cursor.pageNo() != null || cursor.pageSize() != null) {
                    ObjectNode pagination = body.putObject("pagination");
                    putIfSet(pagination, "pageNo", cursor.pageNo());
                    putIfSet(pagination, "pageSize", cursor.pageSize());
                }
            }
            case SCROLL -> {
                ObjectNode scroll = body.putObject("scroll");
                putIfSet(scroll, "pageSize", cursor.pageSize());
                if (cursor.pageToken() != null) {
                    scroll.put("pageToken", cursor.pageToken());
                }
            }
        }
    }

    private static void putIfSet(Map<String, String> query, String name, Integer value) {
        if (value != null) {
            query.put(name, value.toString());
        }
    }

    private static void putIfSet(ObjectNode node, String field, Integer value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private ArrayNode array(Object value) {
        ArrayNode array = mapper.createArrayNode();
        if (value instanceof Collection<?> collection) {
            collection.forEach(v -> array.add(String.valueOf(v)));
        } else {
            Arrays.stream(String.valueOf(value).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(array::add);
        }
        return array;
    }

    /** A parameter's value for this message: its header, else its endpoint option. */
    Object value(Message in, String option) {
        Object header = in.getHeader(headerOf(option));
        return header != null ? header : option(option);
    }

    private Object option(String option) {
        return EnosRequestParameters.valueIn(configuration, option);
    }

    private static String headerOf(String option) {
        return EnosRequestParameters.headerOf(option);
    }

    private static String text(Object value) {
        if (value instanceof Collection<?> collection) {
            return String.join(",", collection.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
