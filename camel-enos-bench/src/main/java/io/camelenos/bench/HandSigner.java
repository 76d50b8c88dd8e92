package io.camelenos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a team writing EnOS calls by hand has to write: token/get and the apim-signature. The baselines use it so
 * that they do the same work on the wire as the component.
 */
public final class HandSigner {

    private final String baseUrl;
    private final String appKey;
    private final String appSecret;
    private String token;

    public HandSigner(String baseUrl, String appKey, String appSecret) {
        this.baseUrl = baseUrl;
        this.appKey = appKey;
        this.appSecret = appSecret;
    }

    /** Fetches the access token once (POST /apim-token-service/v2.0/token/get). */
    public String token(HttpClient http, ObjectMapper mapper) throws Exception {
        if (token == null) {
            String timestamp = Long.toString(System.currentTimeMillis());
            String body = mapper.writeValueAsString(Map.of("appKey", appKey, "timestamp", Long.parseLong(timestamp),
                    "encryption", sha256(appKey + timestamp + appSecret)));
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/apim-token-service/v2.0/token/get"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode answer = mapper.readTree(response.body());
            token = answer.path("data").path("accessToken").asText();
        }
        return token;
    }

    /** The token fetched by {@link #token(HttpClient, ObjectMapper)}. */
    public String currentToken() {
        return token;
    }

    /** apim-signature over the (decoded) query parameters sorted by name, the body and the timestamp. */
    public String sign(Map<String, String> query, String body, String timestamp) {
        StringBuilder text = new StringBuilder(token);
        new TreeMap<>(query).forEach((k, v) -> text.append(k).append(v));
        return sha256(text.append(body).append(timestamp).append(appSecret).toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
