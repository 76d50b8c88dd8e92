package io.camelenos.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One HTTP request as the emulator's handlers see it: decoded query, raw body, lazily parsed JSON body. */
public final class SimRequest {

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String requestId;
    private Map<String, String> pathParams = Map.of();
    private JsonNode json;

    public SimRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body,
                      String requestId) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.body = body;
        this.requestId = requestId;
    }

    /** Query parameters in order of appearance, values URL-decoded (what the signature is computed over). */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
        return result;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String rawQuery() {
        return rawQuery;
    }

    public Map<String, List<String>> queryParams() {
        return Collections.unmodifiableMap(query);
    }

    /** The first value of a query parameter, or null. */
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A query parameter that must be present and non-blank, else 99400 naming it. */
    public String requireQuery(String name) {
        String value = query(name);
        if (value == null || value.isBlank()) {
            throw ApiError.missing(name);
        }
        return value;
    }

    /** A header by its lower-case name, or null. */
    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    public byte[] rawBody() {
        return body;
    }

    public String requestId() {
        return requestId;
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    void pathParams(Map<String, String> params) {
        this.pathParams = params;
    }

    /** The body as JSON: an empty object when there is none; 99400 when it is not JSON. */
    public JsonNode json() {
        if (json == null) {
            json = parseBody();
        }
        return json;
    }

    /** The body as a JSON object; 99400 when it is another JSON type. */
    public ObjectNode jsonObject() {
        JsonNode node = json();
        if (!node.isObject()) {
            throw ApiError.invalidArgument("body", "a JSON object is expected");
        }
        return (ObjectNode) node;
    }

    /** A value from the query string, else the JSON body (EnOS docs and POJOs disagree on where some go). */
    public String param(String name) {
        String value = query(name);
        return value != null ? value : Json.text(json(), name);
    }

    public String requireParam(String name) {
        String value = param(name);
        if (value == null || value.isBlank()) {
            throw ApiError.missing(name);
        }
        return value;
    }

    private JsonNode parseBody() {
        if (body.length == 0) {
            return Json.object();
        }
        String contentType = header("content-type");
        if (contentType != null && contentType.startsWith("multipart/form-data")) {
            return Multipart.fields(contentType, body);
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? Json.object() : node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.invalidArgument("body", "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiError.invalidArgument("body", "unreadable body: " + e.getMessage());
        }
    }
}
