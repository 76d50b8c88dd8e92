package io.camelenos.app.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    private static final String CANARY = "canary-5ecret-7f3a";

    @Test
    void lineBreaksAndControlCharactersBecomeSpaces() {
        assertEquals("poll failed FAKE LOG LINE x", SafeText.of("poll failed\r\nFAKE LOG LINE\u0007x"));
    }

    @Test
    void credentialsAreMasked() {
        for (String text : new String[] {"token=" + CANARY, "GET /x?accessToken=" + CANARY + "&a=1",
                "appSecret: " + CANARY, "{\"password\":\"" + CANARY + "\"}", "Authorization: Bearer " + CANARY,
                "apim-signature=" + CANARY}) {
            String safe = SafeText.of(text);
            assertFalse(safe.contains(CANARY), safe);
            assertTrue(safe.contains("***"), safe);
        }
        String plain = "EnOS asset/search failed (HTTP 503): Service unavailable; code: 503";
        assertEquals(plain, SafeText.of(plain), "the rest unchanged");
    }

    @Test
    void longTextIsCut() {
        String safe = SafeText.of("x".repeat(2000));
        assertEquals(SafeText.MAX_LENGTH, safe.length());
        assertTrue(safe.endsWith("…"));
        assertNull(SafeText.of(null));
    }

    @Test
    void urlsLoseUserInfoQueryAndFragment() {
        String url = "https://user:" + CANARY + "@apim.example.com:8443/gw?key=" + CANARY + "#f";
        assertEquals("https://apim.example.com:8443/gw", SafeText.url(url));
        assertEquals("http://127.0.0.1:4321", SafeText.url("http://127.0.0.1:4321"));
        assertEquals("(not a URL)", SafeText.url("not a url"));
    }
}
