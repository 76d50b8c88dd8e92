package io.camelenos.component.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two hashes of the EnOS access-token scheme (reference §1.A).
 */
public final class Signatures {

    private Signatures() {
    }

    /** {@code encryption} of token/get: sha256hex(appKey + timestamp + appSecret). */
    public static String encryption(String appKey, long timestamp, String appSecret) {
        return sha256Hex(appKey + timestamp + appSecret);
    }

    /**
     * {@code apim-signature}: sha256hex(accessToken + query pairs sorted by name as name+value (decoded values) + raw
     * body + timestamp + appSecret).
     */
    public static String signature(String accessToken, Map<String, String> query, String body, long timestamp,
                                   String appSecret) {
        StringBuilder text = new StringBuilder(accessToken);
        new TreeMap<>(query).forEach((name, value) -> text.append(name).append(value));
        if (body != null) {
            text.append(body);
        }
        return sha256Hex(text.append(timestamp).append(appSecret).toString());
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
