package io.camelenos.component.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful EnOS answer, envelope decoded.
 *
 * @param httpStatus HTTP status
 * @param root       the whole response document
 * @param code       API code ({@code code} or {@code status})
 * @param msg        API message
 * @param requestId  request id, or null when the service sends none
 * @param data       the {@code data} member (a missing node when absent)
 */
public record EnosReply(int httpStatus, JsonNode root, int code, String msg, String requestId, JsonNode data) {

    /** The top-level {@code pagination} member of page-number searches (a missing node when absent). */
    public JsonNode pagination() {
        return root.path("pagination");
    }
}
