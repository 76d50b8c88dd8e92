package io.camelenos.component.client;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SignaturesTest {

    /** The test vector of the reference (§1.A), verified against the Chinese doc's body. */
    @Test
    void signatureMatchesTheDocumentedTestVector() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("k3", "v3");
        query.put("k1", "v1");
        query.put("k2", "v2");
        String body = "{\n  \"count\": 20,\n  \"page\": 1,\n  \"desc\": \"描述\"\n}";

        String sign = Signatures.signature("xxxxaaaxxxx", query, body, 1572574909697L, "xxxappSecretxxx");

        assertEquals("59828328f6c1f9771015dc74e4929ae30f518a35a3d2353972c2ea46556fc981", sign);
    }

    @Test
    void signatureDependsOnEveryQueryValue() {
        String a = Signatures.signature("t", Map.of("k", "v1"), null, 1L, "s");
        String b = Signatures.signature("t", Map.of("k", "v2"), null, 1L, "s");

        assertNotEquals(a, b);
    }

    @Test
    void encryptionIsSha256OfKeyTimestampAndSecret() {
        assertEquals(Signatures.sha256Hex("key1572574909697secret"),
                Signatures.encryption("key", 1572574909697L, "secret"));
        // sha256("abc") from FIPS 180-2, so the hex encoding itself is checked too
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Signatures.sha256Hex("abc"));
    }
}
