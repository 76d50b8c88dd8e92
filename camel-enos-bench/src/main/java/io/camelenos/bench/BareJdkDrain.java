package io.camelenos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The floor: a bare JDK HttpClient + Jackson loop, one page after the other, each page's bytes parsed to a tree and
 * its records tallied. No retries, no prefetch, no Camel: the least work a correct client can do.
 */
public final class BareJdkDrain implements Drain {

    private final String baseUrl;
    private final String orgId;
    private final int pageSize;
    private final HandSigner signer;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper mapper = new ObjectMapper();

    public BareJdkDrain(String baseUrl, String orgId, String appKey, String appSecret, int pageSize) {
        this.baseUrl = baseUrl;
        this.orgId = orgId;
        this.pageSize = pageSize;
        this.signer = new HandSigner(baseUrl, appKey, appSecret);
    }

    @Override
    public String name() {
        return "bare JDK HttpClient + Jackson";
    }

    @Override
    public void drain(Tally tally) throws Exception {
        signer.token(http, mapper);
        for (int pageNo = 1; ; pageNo++) {
            JsonNode page = fetch(pageNo);
            JsonNode data = page.path("data");
            if (page.path("code").asInt(-1) != 0) {
                throw new IllegalStateException("page " + pageNo + " failed: " + page);
            }
            for (JsonNode record : data) {
                tally.record(record.path("assetId").asText());
            }
            if (data.size() < pageSize || (long) pageNo * pageSize >= page.path("pagination").path("totalSize").asLong()) {
                return;
            }
        }
    }

    // POST {gateway}/asset-tree-service/v2.1/asset-nodes?action=searchAsset&orgId=...
    private JsonNode fetch(int pageNo) throws Exception {
        String body = "{\"pagination\":{\"pageNo\":" + pageNo + ",\"pageSize\":" + pageSize + "}}";
        String timestamp = Long.toString(System.currentTimeMillis());
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl
                        + "/asset-tree-service/v2.1/asset-nodes?action=searchAsset&orgId=" + orgId))
                .header("Content-Type", "application/json;charset=UTF-8")
                .header("apim-accesstoken", signer.token(http, mapper))
                .header("apim-timestamp", timestamp)
                .header("apim-signature", signer.sign(Map.of("action", "searchAsset", "orgId", orgId), body, timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return mapper.readTree(response.body());
    }
}
