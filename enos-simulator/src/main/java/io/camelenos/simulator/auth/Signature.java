package io.camelenos.simulator.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code apim-signature} of an API call: sha256hex(accessToken + paramsData + timestamp + appSecret), where
 * paramsData is every query parameter sorted by name as name+value (decoded), then the raw body.
 */
public final class Signature {

    private Signature() {
    }

    public static String compute(String accessToken, Map<String, List<String>> query, byte[] body, String timestamp,
                                 String appSecret) {
        StringBuilder text = new StringBuilder(accessToken);
        List<String> names = new ArrayList<>(query.keySet());
        names.sort(null);
        for (String name : names) {
            for (String value : query.get(name)) {
                text.append(name).append(value);
            }
        }
        if (body != null && body.length > 0) {
            text.append(new String(body, StandardCharsets.UTF_8));
        }
        return Hashing.sha256Hex(text.append(timestamp).append(appSecret).toString());
    }
}
