package io.camelenos.simulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.SimClock;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The apim-token-service (token/get, token/refresh) and the check of every API call's credentials.
 * One token per app key, returned again while it is valid, as EnOS documents.
 */
public final class TokenService {

    public static final String GET_PATH = "/apim-token-service/v2.0/token/get";
    public static final String REFRESH_PATH = "/apim-token-service/v2.0/token/refresh";

    private final Map<String, String> secrets;
    private final SimClock clock;
    private final AuthMode mode;
    private volatile long ttlSeconds;
    private final Map<String, Token> currentByAppKey = new ConcurrentHashMap<>();
    private final Map<String, Token> byToken = new ConcurrentHashMap<>();
    private final Set<String> usedEncryptions = ConcurrentHashMap.newKeySet();
    private final AtomicLong issued = new AtomicLong();
    private final SecureRandom random = new SecureRandom();

    public TokenService(Map<String, String> secrets, SimClock clock, AuthMode mode, long ttlSeconds) {
        this.secrets = secrets;
        this.clock = clock;
        this.mode = mode;
        this.ttlSeconds = ttlSeconds;
    }

    public void register(Router router) {
        router.path(GET_PATH, Envelope.TOKEN).orgRequired(false).gatewayAuth(false).method("POST", this::get);
        router.path(REFRESH_PATH, Envelope.TOKEN).orgRequired(false).gatewayAuth(false).method("POST", this::refresh);
    }

    /** How many tokens were issued so far (a client should need one per token lifetime). */
    public long issuedCount() {
        return issued.get();
    }

    public void ttlSeconds(long seconds) {
        this.ttlSeconds = seconds;
    }

    /** Makes every token issued so far expired, as if their lifetime had passed. */
    public void expireAll() {
        byToken.values().forEach(t -> t.expiresAtMillis = clock.nowMillis() - 1);
    }

    private Object get(SimRequest request) {
        String appKey = checkEncryption(request.json());
        Token current = currentByAppKey.get(appKey);
        if (current == null || current.expired(clock.nowMillis())) {
            current = issue(appKey);
        }
        return tokenData(current);
    }

    private Object refresh(SimRequest request) {
        JsonNode body = request.json();
        String appKey = checkEncryption(body);
        String old = Json.text(body, "accessToken");
        if (old == null || old.isBlank()) {
            throw ApiError.of(1202, "parameter accessToken is empty");
        }
        Token known = byToken.get(old);
        if (known == null || !known.appKey.equals(appKey)) {
            throw ApiError.of(1204, "refresh failed: unknown accessToken");
        }
        // The old token stays valid until its own expiry, so requests already under way do not fail.
        return tokenData(issue(appKey));
    }

    private String checkEncryption(JsonNode body) {
        String appKey = Json.text(body, "appKey");
        String encryption = Json.text(body, "encryption");
        String timestamp = Json.text(body, "timestamp");
        if (isBlank(appKey) || isBlank(encryption) || isBlank(timestamp)) {
            throw ApiError.of(1202, "parameter is empty: appKey, encryption and timestamp are required");
        }
        if (!timestamp.chars().allMatch(Character::isDigit)) {
            throw ApiError.of(1004, "invalid parameter timestamp: " + timestamp);
        }
        String secret = secrets.get(appKey);
        if (secret == null) {
            throw ApiError.of(1002, "appKey does not exist");
        }
        if (!Hashing.sha256Hex(appKey + timestamp + secret).equals(encryption)) {
            throw ApiError.of(1003, "encryption is invalid");
        }
        if (!usedEncryptions.add(encryption)) {
            throw ApiError.of(1001, "repeated request: this encryption was already used");
        }
        return appKey;
    }

    private Token issue(String appKey) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        Token token = new Token("APP_" + HexFormat.of().formatHex(bytes), appKey,
                clock.nowMillis() + ttlSeconds * 1000);
        byToken.put(token.value, token);
        currentByAppKey.put(appKey, token);
        issued.incrementAndGet();
        return token;
    }

    private ObjectNode tokenData(Token token) {
        long remaining = Math.max(0, (token.expiresAtMillis - clock.nowMillis()) / 1000);
        return Json.object().put("accessToken", token.value).put("expire", remaining);
    }

    /**
     * Checks an API call's gateway credentials; throws the gateway's HTTP 401 answer when they are not good.
     * Codes in the body: 1202 missing header, 401 unknown token, 1203 expired token, 497 bad signature.
     */
    public void authenticate(SimRequest request) {
        authenticate(request, false);
    }

    /** As {@link #authenticate(SimRequest)}; with {@code signatureOptional} a call without signature headers passes. */
    public void authenticate(SimRequest request, boolean signatureOptional) {
        String token = request.header("apim-accesstoken");
        if (isBlank(token)) {
            throw ApiError.gateway(401, 1202, "Invalid authentication credentials: apim-accesstoken header is missing");
        }
        if (mode == AuthMode.LENIENT) {
            return;
        }
        Token known = byToken.get(token);
        if (known == null) {
            throw ApiError.gateway(401, 401, "Invalid authentication credentials: unknown access token");
        }
        if (known.expired(clock.nowMillis())) {
            throw ApiError.gateway(401, 1203, "Access token expired");
        }
        if (signatureOptional && isBlank(request.header("apim-timestamp")) && isBlank(request.header("apim-signature"))) {
            return;
        }
        checkSignature(request, known);
    }

    private void checkSignature(SimRequest request, Token token) {
        String timestamp = request.header("apim-timestamp");
        String signature = request.header("apim-signature");
        if (isBlank(timestamp) || isBlank(signature)) {
            throw ApiError.gateway(401, 1202, "Invalid authentication credentials: apim-timestamp and apim-signature headers are required");
        }
        String expected = Signature.compute(token.value, request.queryParams(), request.rawBody(), timestamp,
                secrets.get(token.appKey));
        if (!expected.equalsIgnoreCase(signature)) {
            throw ApiError.gateway(401, 497, "App Signature Checked Fail");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static final class Token {
        final String value;
        final String appKey;
        volatile long expiresAtMillis;

        Token(String value, String appKey, long expiresAtMillis) {
            this.value = value;
            this.appKey = appKey;
            this.expiresAtMillis = expiresAtMillis;
        }

        boolean expired(long now) {
            return now >= expiresAtMillis;
        }
    }
}
