package io.camelenos.app.sync;

import com.fasterxml.jackson.databind.JsonNode;

/** How EnOS JSON values become text columns. */
public final class JsonText {

    private JsonText() {
    }

    /** A value as text: strings and numbers as they are, objects and arrays as JSON, null or absent as null. */
    public static String of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isContainerNode() ? node.toString() : node.asText();
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
