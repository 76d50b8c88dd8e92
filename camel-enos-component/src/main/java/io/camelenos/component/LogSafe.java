package io.camelenos.component;

/**
 * Untrusted text (option values, gateway answers) made fit for an exception message or a log line: control characters
 * are shown escaped, so that a value cannot forge log lines, and long text is cut.
 */
public final class LogSafe {

    private static final int MAX = 200;

    private LogSafe() {
    }

    /** The text with line breaks and other control characters escaped, cut to 200 characters; "null" for null. */
    public static String abbreviate(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 16);
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (out.length() >= MAX && text.length() > MAX) {
            out.append("... (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }
}
