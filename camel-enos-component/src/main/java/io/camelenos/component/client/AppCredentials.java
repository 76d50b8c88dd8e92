package io.camelenos.component.client;

import java.util.Map;

/**
 * The app key and app secret of one EnOS application: the one object of the client that holds the secret. It signs
 * what the gateway asks to be signed, so that the token manager and the client never copy the secret, and it is
 * told apart from other credentials by a {@link #fingerprint() fingerprint}, so that caches never use the secret as
 * a key. Its {@code toString} names the app key only.
 */
public final class AppCredentials {

    private final String appKey;
    private final String appSecret;
    private final String fingerprint;

    public AppCredentials(String appKey, String appSecret) {
        this.appKey = appKey;
        this.appSecret = appSecret;
        // the key is part of the digest, so that two apps with the same secret still differ
        this.fingerprint = Signatures.sha256Hex("enos-app\n" + appKey + "\n" + appSecret);
    }

    public String appKey() {
        return appKey;
    }

    /**
     * A SHA-256 digest of the key and secret: equal for equal credentials, and safe to use in a cache key or to
     * compare, since the secret cannot be read back from it.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** A SHA-256 digest of another credential (a user's password), for cache keys that must not hold it. */
    public static String digest(String secret) {
        return Signatures.sha256Hex("enos-secret\n" + secret);
    }

    /** The {@code encryption} field of token/get and token/refresh. */
    String encryption(long timestamp) {
        return Signatures.encryption(appKey, timestamp, appSecret);
    }

    /** The {@code apim-signature} header of a gateway request. */
    String signature(String accessToken, Map<String, String> query, String body, long timestamp) {
        return Signatures.signature(accessToken, query, body, timestamp, appSecret);
    }

    @Override
    public String toString() {
        return "AppCredentials[appKey=" + appKey + ", appSecret=***]";
    }
}
