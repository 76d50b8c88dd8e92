package io.camelenos.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.auth.Hashing;
import io.camelenos.simulator.auth.Signature;
import io.camelenos.simulator.wire.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal EnOS client for the emulator's own tests, written from the reference (not the component's code):
 * token/get, signed calls over real HTTP, JSON answers.
 */
public final class SimClient {

    private static final AtomicLong LAST_TIMESTAMP = new AtomicLong();

    private final EnosSimulator sim;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    public SimClient(EnosSimulator sim) {
        this.sim = sim;
    }

    /** An answer: HTTP status, the parsed body and the headers. */
    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        public int code() {
            return body.has("code") ? body.get("code").asInt() : body.path("status").asInt(-1);
        }

        public JsonNode data() {
            return body.get("data");
        }
    }

    /** A timestamp never used before, so two token requests in one millisecond do not look replayed. */
    public static String freshTimestamp() {
        return Long.toString(LAST_TIMESTAMP.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis())));
    }

    public static ObjectNode tokenBody(String appKey, String appSecret, String timestamp) {
        return Json.object().put("appKey", appKey)
                .put("encryption", Hashing.sha256Hex(appKey + timestamp + appSecret))
                .put("timestamp", Long.parseLong(timestamp));
    }

    public Answer tokenGet() {
        return post("/apim-token-service/v2.0/token/get", Map.of(), tokenBody(sim.appKey(), sim.appSecret(), freshTimestamp()), false);
    }

    public String token() {
        if (token == null) {
            Answer answer = tokenGet();
            token = answer.data().get("accessToken").asText();
        }
        return token;
    }

    public void forgetToken() {
        token = null;
    }

    /** A signed GET with the sim's orgId added to the query. */
    public Answer get(String path, Map<String, String> query) {
        return send("GET", path, withOrg(query), null, true);
    }

    /** A signed POST with the sim's orgId added to the query and a JSON body. */
    public Answer post(String path, Map<String, String> query, Object body) {
        return send("POST", path, withOrg(query), body, true);
    }

    /** A POST exactly as given: no orgId added, signed only when asked. */
    public Answer post(String path, Map<String, String> query, Object body, boolean signed) {
        return send("POST", path, query, body, signed);
    }

    public Answer send(String method, String path, Map<String, String> query, Object body, boolean signed) {
        byte[] bytes = body == null ? new byte[0] : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : Json.bytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path + queryString(query)))
                .header("Content-Type", "application/json;charset=UTF-8")
                .method(method, bytes.length == 0 && method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (signed) {
            sign(request, query, bytes);
        }
        return execute(request.build());
    }

    /** A call with extra request headers (e.g. a user's {@code Authorization}), signed when asked. */
    public Answer send(String method, String path, Map<String, String> query, Object body, boolean signed,
                       Map<String, String> headers) {
        byte[] bytes = body == null ? new byte[0] : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : Json.bytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path + queryString(query)))
                .header("Content-Type", "application/json;charset=UTF-8")
                .method(method, bytes.length == 0 && !method.equals("POST") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(request::header);
        if (signed) {
            sign(request, query, bytes);
        }
        return execute(request.build());
    }

    /** The sim's orgId followed by the given query parameters. */
    public Map<String, String> orgQuery(Map<String, String> query) {
        return withOrg(query);
    }

    public Answer execute(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? Json.object() : Json.MAPPER.readTree(response.body());
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void sign(HttpRequest.Builder request, Map<String, String> query, byte[] body) {
        String accessToken = token();
        String timestamp = Long.toString(System.currentTimeMillis());
        Map<String, List<String>> multi = new LinkedHashMap<>();
        query.forEach((k, v) -> multi.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        request.header("apim-accesstoken", accessToken)
                .header("apim-timestamp", timestamp)
                .header("apim-signature", Signature.compute(accessToken, multi, body, timestamp, sim.appSecret()));
    }

    private Map<String, String> withOrg(Map<String, String> query) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("orgId", sim.orgId());
        result.putAll(query);
        return result;
    }

    public static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("?");
        query.forEach((k, v) -> s.append(s.length() > 1 ? "&" : "").append(enc(k)).append('=').append(enc(v)));
        return s.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
