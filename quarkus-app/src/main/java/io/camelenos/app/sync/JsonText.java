package io.camelenos.app.sync;

import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How EnOS JSON values become text columns. EnOS accepts NUL characters in strings (an asset named
 * {@code "WTG\u0000nul"}), which PostgreSQL refuses in text ("invalid byte sequence for encoding UTF8: 0x00"): a row
 * holding one would fail at every poll. Plain text columns get them removed (and counted, see {@link #nulsRemoved()});
 * JSON text columns keep them as the JSON escape {@code \u0000}, which Jackson writes anyway.
 */
public final class JsonText {

    private static final AtomicLong NULS_REMOVED = new AtomicLong();

    private JsonText() {
    }

    /**
     * A value as text: strings and numbers as they are (without NUL characters), objects and arrays as JSON, null or
     * absent as null.
     */
    public static String of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isContainerNode() ? node.toString() : withoutNul(node.asText());
    }

    /** How many NUL characters the flows removed from EnOS text since the app started. */
    public static long nulsRemoved() {
        return NULS_REMOVED.get();
    }

    private static String withoutNul(String text) {
        if (text.indexOf('\u0000') < 0) {
            return text;
        }
        String clean = text.replace("\u0000", "");
        NULS_REMOVED.addAndGet(text.length() - clean.length());
        return clean;
    }

    /** An EnOS i18n string ({@code {"defaultValue": ..., "i18nValue": {...}}}) or a plain one, as its default text. */
    public static String i18n(JsonNode node) {
        if (node != null && node.isObject() && node.has("defaultValue")) {
            return of(node.get("defaultValue"));
        }
        return of(node);
    }

    /** Cuts text to a column's length, so that an overlong value cannot block a flow for ever. */
    public static String fit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
