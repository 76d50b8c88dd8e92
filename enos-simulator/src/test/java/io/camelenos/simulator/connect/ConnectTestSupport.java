package io.camelenos.simulator.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.auth.Signature;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.wire.Json;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Small helpers shared by the Connection service tests: calls, devices of the data set, multipart uploads. */
final class ConnectTestSupport {

    static final String PRODUCTS = "/connect-service/v2.1/products";
    static final String DEVICES = "/connect-service/v2.1/devices";
    static final String MEASUREPOINTS = "/connect-service/v2.1/measurepoints";
    static final String COMMANDS = "/connect-service/v2.1/commands";
    static final String EVENTS = "/connect-service/v2.1/events";
    static final String TOPOS = "/connect-service/v2.1/device-topos";
    static final String LOGS = "/connect-service/v2.1/device-logs";
    static final String CERTS = "/connect-service/v2.0/certificates";
    static final String INTEGRATION = "/connect-service/v2.1/integration";
    static final String FILES = "/connect-service/v2.1/files";

    private final EnosSimulator sim;
    final SimClient client;

    ConnectTestSupport(EnosSimulator sim) {
        this.sim = sim;
        this.client = new SimClient(sim);
    }

    DataSet data() {
        return sim.dataSet();
    }

    SimClient.Answer post(String path, String action, Object body, String... query) {
        return client.post(path, query(action, query), body == null ? Json.object() : body);
    }

    SimClient.Answer get(String path, String action, String... query) {
        return client.get(path, query(action, query));
    }

    /** The data of a call that must succeed. */
    JsonNode ok(SimClient.Answer answer) {
        assertEquals(0, answer.code(), answer.body().toString());
        return answer.data();
    }

    static Map<String, String> query(String action, String... pairs) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("action", action);
        for (int i = 0; i < pairs.length; i += 2) {
            q.put(pairs[i], pairs[i + 1]);
        }
        return q;
    }

    /** The first generated device (from index 1 on) whose status is the given one. */
    JsonNode deviceWithStatus(String status) {
        return deviceWithStatus(status, 1);
    }

    /** The first generated device from an index on whose status is the given one (not a gateway). */
    JsonNode deviceWithStatus(String status, int from) {
        for (int i = from; i < data().baseAssetCount(); i++) {
            if (DataSet.isSite(i)) {
                continue;
            }
            JsonNode device = ok(get(DEVICES, "get", "assetId", data().assetId(i)));
            if (device.path("status").asText().equals(status)
                    && !device.path("productType").asText().equals("Gateway")) {
                return device;
            }
        }
        throw new AssertionError("no device with status " + status);
    }

    static ObjectNode deviceBody(String productKey, String deviceKey, String name) {
        ObjectNode body = Json.object().put("productKey", productKey).put("timezone", "+08:00");
        body.set("deviceName", DataSet.i18n(name, name + " 中文"));
        if (deviceKey != null) {
            body.put("deviceKey", deviceKey);
        }
        return body;
    }

    String createProduct(String modelId, String type, boolean biDirectional) {
        ObjectNode body = Json.object().put("modelId", modelId).put("dataFormat", "Json").put("productType", type)
                .put("biDirectionalAuth", biDirectional);
        body.set("productName", DataSet.i18n("Test " + modelId, "测试"));
        return ok(post(PRODUCTS, "create", body)).asText();
    }

    /** A signed GET answered with bytes (a file download): HTTP status, content type and body text. */
    String[] download(String fileUri, String assetId) throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("action", "download");
        query.put("orgId", sim.orgId());
        query.put("fileUri", fileUri);
        query.put("assetId", assetId);
        query.put("category", "feature");
        String token = client.token();
        String timestamp = Long.toString(System.currentTimeMillis());
        Map<String, List<String>> multi = new LinkedHashMap<>();
        query.forEach((k, v) -> multi.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + FILES + SimClient.queryString(query)))
                .header("apim-accesstoken", token)
                .header("apim-timestamp", timestamp)
                .header("apim-signature", Signature.compute(token, multi, new byte[0], timestamp, sim.appSecret()))
                .GET().build();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        return new String[] {Integer.toString(response.statusCode()),
                response.headers().firstValue("Content-Type").orElse(""), response.body()};
    }

    /** A signed multipart POST: an enos-message part and file parts (name to content). */
    SimClient.Answer multipart(String path, String action, String message, Map<String, String> files) {
        return multipart(path, action, message, files, true);
    }

    /** A multipart POST with the access token, and a signature when {@code signed}. */
    SimClient.Answer multipart(String path, String action, String message, Map<String, String> files, boolean signed) {
        String boundary = "----simBoundary" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"enos-message\"\r\n\r\n")
                .append(message).append("\r\n");
        files.forEach((name, content) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"enos-file\"; filename=\"").append(name).append("\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("action", action);
        query.put("orgId", sim.orgId());
        String token = client.token();
        String timestamp = Long.toString(System.currentTimeMillis());
        Map<String, List<String>> multi = new LinkedHashMap<>();
        query.forEach((k, v) -> multi.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path + SimClient.queryString(query)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("apim-accesstoken", token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (signed) {
            request.header("apim-timestamp", timestamp)
                    .header("apim-signature", Signature.compute(token, multi, bytes, timestamp, sim.appSecret()));
        }
        return client.execute(request.build());
    }
}
