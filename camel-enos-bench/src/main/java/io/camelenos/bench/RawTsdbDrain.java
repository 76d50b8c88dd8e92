package io.camelenos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The TSDB floor: a bare JDK HttpClient + Jackson loop reading the window in one request per page, sequentially,
 * continued past a full page from its last timestamp + 1 ms (reference §4.6), each page's bytes parsed to a tree
 * and its samples tallied.
 */
public final class RawTsdbDrain implements Drain {

    private final String baseUrl;
    private final String orgId;
    private final TsdbWindow window;
    private final HandSigner signer;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper mapper = new ObjectMapper();

    public RawTsdbDrain(String baseUrl, String orgId, String appKey, String appSecret, TsdbWindow window) {
        this.baseUrl = baseUrl;
        this.orgId = orgId;
        this.window = window;
        this.signer = new HandSigner(baseUrl, appKey, appSecret);
    }

    @Override
    public String name() {
        return "bare JDK TSDB loop (sequential)";
    }

    @Override
    public void drain(Tally tally) throws Exception {
        signer.token(http, mapper);
        long from = window.start().toEpochMilli();
        long end = window.end().toEpochMilli();
        while (from <= end) {
            JsonNode page = fetch(from, end);
            if (page.path("code").asInt(-1) != 0) {
                throw new IllegalStateException("TSDB read failed: " + page.path("msg").asText());
            }
            long maxTimestamp = Long.MIN_VALUE;
            boolean full = false;
            Map<String, Integer> perPair = new HashMap<>();
            for (JsonNode record : page.path("data").path("items")) {
                TsdbWindow.tally(record, tally);
                maxTimestamp = Math.max(maxTimestamp, record.path("timestamp").asLong());
                for (String point : TsdbWindow.POINTS) {
                    if (record.has(point)
                        && perPair.merge(record.path("assetId").asText() + point, 1, Integer::sum) >= window.pageSize()) {
                        full = true;
                    }
                }
            }
            if (!full) {
                return;
            }
            from = maxTimestamp + 1;
        }
    }

    // POST {gateway}/tsdb-service/v2.1/raw?orgId=...
    private JsonNode fetch(long from, long end) throws Exception {
        ObjectNode request = mapper.createObjectNode()
                .put("assetIds", String.join(",", window.assetIds()))
                .put("pointIds", String.join(",", TsdbWindow.POINTS))
                .put("startTime", Instant.ofEpochMilli(from).toString())
                .put("endTime", Instant.ofEpochMilli(end).toString())
                .put("pageSize", window.pageSize())
                .put("itemFormat", 0);
        String body = request.toString();
        String timestamp = Long.toString(System.currentTimeMillis());
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/tsdb-service/v2.1/raw?orgId=" + orgId))
                .header("Content-Type", "application/json;charset=UTF-8")
                .header("apim-accesstoken", signer.token(http, mapper))
                .header("apim-timestamp", timestamp)
                .header("apim-signature", signer.sign(Map.of("orgId", orgId), body, timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return mapper.readTree(response.body());
    }
}
