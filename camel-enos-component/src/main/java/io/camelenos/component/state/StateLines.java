package io.camelenos.component.state;

import java.util.Map;

/**
 * The line format of {@link CrashSafeFileStateRepository}: {@code key=value} and a line feed, with backslash escapes
 * for a backslash, a line break and an '=' in the key or value, so that every entry is exactly one line and splits at
 * its first unescaped '='.
 */
final class StateLines {

    private StateLines() {
    }

    /** The entry as one line, line feed included. */
    static String encode(String key, String value) {
        StringBuilder line = new StringBuilder(key.length() + value.length() + 2);
        escape(key, line);
        line.append('=');
        escape(value, line);
        return line.append('\n').toString();
    }

    /**
     * Decodes a line (without its line feed) into the map; false when it is not a well-formed entry (no unescaped
     * '=', or a dangling or unknown escape).
     */
    static boolean decode(String line, Map<String, String> into) {
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        StringBuilder current = key;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                if (++i == line.length() || !unescape(line.charAt(i), current)) {
                    return false;
                }
            } else if (c == '=' && current == key) {
                current = value;
            } else {
                current.append(c);
            }
        }
        if (current == key) {
            return false;
        }
        into.put(key.toString(), value.toString());
        return true;
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '=' -> out.append("\\=");
                default -> out.append(c);
            }
        }
    }

    private static boolean unescape(char c, StringBuilder out) {
        switch (c) {
            case '\\' -> out.append('\\');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case '=' -> out.append('=');
            default -> {
                return false;
            }
        }
        return true;
    }
}
