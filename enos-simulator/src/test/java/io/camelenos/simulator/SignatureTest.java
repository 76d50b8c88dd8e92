package io.camelenos.simulator;

import io.camelenos.simulator.auth.Signature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SignatureTest {

    /** The reference's verified vector: token, secret, timestamp, /m/v1/b?k3=v3&k1=v1&k2=v2 and the Chinese-doc body. */
    @Test
    void signatureMatchesTheDocumentedTestVector() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("k3", List.of("v3"));
        query.put("k1", List.of("v1"));
        query.put("k2", List.of("v2"));
        byte[] body = "{\n  \"count\": 20,\n  \"page\": 1,\n  \"desc\": \"描述\"\n}".getBytes(StandardCharsets.UTF_8);

        String sign = Signature.compute("xxxxaaaxxxx", query, body, "1572574909697", "xxxappSecretxxx");

        assertEquals("59828328f6c1f9771015dc74e4929ae30f518a35a3d2353972c2ea46556fc981", sign);
    }

    @Test
    void queryOrderDoesNotChangeTheSignatureButValuesDo() {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("orgId", List.of("o1"));
        a.put("action", List.of("get"));
        Map<String, List<String>> b = new LinkedHashMap<>();
        b.put("action", List.of("get"));
        b.put("orgId", List.of("o1"));
        Map<String, List<String>> c = Map.of("action", List.of("get"), "orgId", List.of("o2"));

        String sa = Signature.compute("t", a, new byte[0], "1", "s");
        assertEquals(sa, Signature.compute("t", b, new byte[0], "1", "s"));
        assertNotEquals(sa, Signature.compute("t", c, new byte[0], "1", "s"));
    }
}
