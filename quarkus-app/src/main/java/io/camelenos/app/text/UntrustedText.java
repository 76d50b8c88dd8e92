package io.camelenos.app.text;

/**
 * Text from outside (request paths, ids and bodies, EnOS answers, exception messages) on its way to a log line or a
 * message: control characters are refused at the API's door ({@link #hasControlCharacters}) and shown escaped in
 * logs ({@link #forLog}), so that a value can neither forge a log line (CR, LF) nor carry a NUL into it.
 */
public final class UntrustedText {

    /** Longest text {@link #forLog} keeps, so that one value cannot flood the log. */
    static final int LOG_LIMIT = 500;

    private UntrustedText() {
    }

    /**
     * Whether the text holds a character the app refuses in ids and values: the C0 controls (NUL, CR, LF, ... but
     * not TAB), DEL, the C1 controls, and the Unicode line and paragraph separators.
     */
    public static boolean hasControlCharacters(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isRefused(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text fit for one log line: refused characters (and TAB) as {@code \\uXXXX} escapes ({@code \n}, {@code \r}
     * as such), cut to {@value #LOG_LIMIT} characters; null as "null".
     */
    public static String forLog(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder safe = new StringBuilder(Math.min(text.length(), LOG_LIMIT) + 16);
        for (int i = 0; i < text.length() && i < LOG_LIMIT; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                safe.append("\\n");
            } else if (c == '\r') {
                safe.append("\\r");
            } else if (c == '\t' || isRefused(c)) {
                safe.append(String.format("\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        if (text.length() > LOG_LIMIT) {
            safe.append("...(").append(text.length()).append(" chars)");
        }
        return safe.toString();
    }

    private static boolean isRefused(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }
}
