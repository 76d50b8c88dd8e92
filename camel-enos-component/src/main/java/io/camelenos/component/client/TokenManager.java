package io.camelenos.component.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.component.EnosApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of one app key: fetched with {@code POST /apim-token-service/v2.0/token/get}, cached, renewed with
 * {@code token/refresh} before it expires, and fetched by one thread at a time however many threads need it (single
 * flight). Shared by every endpoint of a component that uses the same gateway and app key.
 */
public final class TokenManager {

    static final String TOKEN_PATH = "/apim-token-service/v2.0/token/get";
    static final String REFRESH_PATH = "/apim-token-service/v2.0/token/refresh";
    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);
    /** Token-service statuses worth another try: 1001 replayed encryption (new timestamp fixes it), 1005 internal. */
    private static final int REPLAYED = 1001;
    private static final int INTERNAL = 1005;

    private final HttpClient http;
    private final String gatewayUrl;
    private final AppCredentials credentials;
    private final Duration refreshBefore;
    private final Duration requestTimeout;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final ReentrantLock lock = new ReentrantLock();
    private final EnosCounters counters;
    private volatile Grant current;

    private record Grant(String token, long refreshAtMillis, long expiresAtMillis) {
    }

    public TokenManager(HttpClient http, String gatewayUrl, String appKey, String appSecret, Duration refreshBefore,
                        Duration requestTimeout, Clock clock, ObjectMapper mapper) {
        this(http, gatewayUrl, new AppCredentials(appKey, appSecret), refreshBefore, requestTimeout, clock, mapper,
                new EnosCounters());
    }

    /**
     * @param credentials the app's key and secret, held here and nowhere else in the client
     * @param counters    where token fetches and refreshes are counted
     */
    public TokenManager(HttpClient http, String gatewayUrl, AppCredentials credentials, Duration refreshBefore,
                        Duration requestTimeout, Clock clock, ObjectMapper mapper, EnosCounters counters) {
        this.counters = counters;
        this.http = http;
        this.gatewayUrl = stripSlash(gatewayUrl);
        this.credentials = credentials;
        this.refreshBefore = refreshBefore;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** A valid access token, fetching a new one if the cached one is missing or due for refresh. */
    public String token() {
        Grant grant = current;
        if (isFresh(grant)) {
            return grant.token();
        }
        lock.lock();
        try {
            // another thread may have fetched it while this one waited for the lock
            if (!isFresh(current)) {
                current = renew(current);
            }
            return current.token();
        } finally {
            lock.unlock();
        }
    }

    /** Drops the token the gateway called expired, unless another thread has already replaced it. */
    public void invalidate(String token) {
        lock.lock();
        try {
            if (current != null && current.token().equals(token)) {
                current = null;
            }
        } finally {
            lock.unlock();
        }
    }

    public String gatewayUrl() {
        return gatewayUrl;
    }

    public String appKey() {
        return credentials.appKey();
    }

    /** The {@code apim-signature} of a request sent with {@code accessToken}, signed with the app secret. */
    String signature(String accessToken, Map<String, String> query, String body, long timestamp) {
        return credentials.signature(accessToken, query, body, timestamp);
    }

    /** When the cached access token expires, or null while none is held. */
    public Instant expiresAt() {
        Grant grant = current;
        return grant == null ? null : Instant.ofEpochMilli(grant.expiresAtMillis());
    }

    private boolean isFresh(Grant grant) {
        return grant != null && clock.millis() < grant.refreshAtMillis();
    }

    /**
     * A still-valid token is renewed with token/refresh, because token/get hands back the same token until it
     * expires; a missing or expired one is fetched with token/get, as is any token the refresh is refused for.
     */
    private Grant renew(Grant old) {
        if (old == null || clock.millis() >= old.expiresAtMillis()) {
            return fetch(TOKEN_PATH, null);
        }
        try {
            return fetch(REFRESH_PATH, old.token());
        } catch (EnosApiException e) {
            LOG.debug("EnOS token refresh refused ({}), fetching a new token", e.getCode());
            return fetch(TOKEN_PATH, null);
        }
    }

    private Grant fetch(String path, String oldToken) {
        // POST /apim-token-service/v2.0/token/get|refresh {appKey, encryption, timestamp[, accessToken]}
        counters.tokenFetch();
        long timestamp = clock.millis();
        ObjectNode body = mapper.createObjectNode()
                .put("appKey", credentials.appKey())
                .put("encryption", credentials.encryption(timestamp))
                .put("timestamp", timestamp);
        if (oldToken != null) {
            body.put("accessToken", oldToken);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + path)).timeout(requestTimeout)
                .header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return grant(send(request, path));
    }

    private HttpResponse<byte[]> send(HttpRequest request, String path) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            LOG.debug("EnOS POST {} -> HTTP {}", path, response.statusCode());
            return response;
        } catch (IOException e) {
            throw new TransientFailure(new UncheckedIOException("EnOS token request failed: "
                                                                + ConnectionFailures.describe(request.uri(), e), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("Interrupted while fetching an EnOS token"));
        }
    }

    private Grant grant(HttpResponse<byte[]> response) {
        if (!GatewayErrors.isSuccess(response.statusCode())) {
            throw GatewayErrors.failure(response, mapper, "token", "get");
        }
        JsonNode root = GatewayErrors.parse(response.body(), mapper);
        int status = root.path("status").asInt(-1);
        if (status != 0 || !root.path("data").path("accessToken").isTextual()) {
            EnosApiException error = new EnosApiException(status, root.path("msg").asText("malformed token answer"),
                    root.path("requestId").asText(null), response.statusCode(), "token", "get");
            throw status == REPLAYED || status == INTERNAL || status == -1 ? new TransientFailure(error) : error;
        }
        long ttlMillis = root.path("data").path("expire").asLong(7200) * 1000;
        // refresh well before expiry, but never so early that a short-lived token is refreshed on every call
        long margin = Math.min(refreshBefore.toMillis(), ttlMillis / 4);
        LOG.debug("EnOS access token obtained, valid {} s", ttlMillis / 1000);
        long now = clock.millis();
        return new Grant(root.path("data").path("accessToken").asText(), now + ttlMillis - margin, now + ttlMillis);
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
