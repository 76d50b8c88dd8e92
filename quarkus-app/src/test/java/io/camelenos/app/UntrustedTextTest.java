package io.camelenos.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelenos.app.text.UntrustedText;
import org.junit.jupiter.api.Test;

/** Control characters are refused in input and escaped in log lines. */
class UntrustedTextTest {

    @Test
    void controlCharactersAreRecognised() {
        for (String bad : new String[] {"a\nb", "a\rb", "a\u0000b", "a\u007fb", "a\u0085b", "a\u2028b"}) {
            assertTrue(UntrustedText.hasControlCharacters(bad), bad);
        }
        assertFalse(UntrustedText.hasControlCharacters("WTG-01 Nordsee \u00e9\u4e2d\t"));
    }

    @Test
    void logTextKeepsToOneLineWithoutNul() {
        assertEquals("a\\r\\nINFO forged\\u0000", UntrustedText.forLog("a\r\nINFO forged\u0000"));
        assertEquals("null", UntrustedText.forLog(null));
        String cut = UntrustedText.forLog("x".repeat(600));
        assertTrue(cut.startsWith("x".repeat(500) + "...(600 chars)"), cut);
    }
}
