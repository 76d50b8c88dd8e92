package io.camelenos.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.wire.Json;

/**
 * What a handler answers when plain data is not enough: a page with its pagination block, or a whole body
 * with its own HTTP status. A handler that returns anything else has returned the envelope's {@code data}.
 */
public final class Reply {

    private final JsonNode data;
    private final ObjectNode pagination;
    private final int httpStatus;
    private final boolean rawBody;
    private byte[] bytes;
    private String contentType;

    private Reply(JsonNode data, ObjectNode pagination, int httpStatus, boolean rawBody) {
        this.data = data;
        this.pagination = pagination;
        this.httpStatus = httpStatus;
        this.rawBody = rawBody;
    }

    /** Bytes sent as they are with their own content type (a file download), no JSON at all. */
    public static Reply bytes(int httpStatus, String contentType, byte[] bytes) {
        Reply reply = new Reply(Json.object(), null, httpStatus, true);
        reply.bytes = bytes;
        reply.contentType = contentType;
        return reply;
    }

    /** The bytes of a {@link #bytes} reply, else null. */
    public byte[] rawBytes() {
        return bytes;
    }

    public String contentType() {
        return contentType;
    }

    public static Reply data(Object data) {
        return new Reply(Json.tree(data), null, 200, false);
    }

    /** Data plus the top-level {@code pagination} block of page-number searches. */
    public static Reply page(JsonNode items, ObjectNode pagination) {
        return new Reply(items, pagination, 200, false);
    }

    /** A complete body sent as it is, with the given HTTP status (no envelope). */
    public static Reply raw(int httpStatus, Object body) {
        return new Reply(Json.tree(body), null, httpStatus, true);
    }

    public JsonNode data() {
        return data;
    }

    public ObjectNode pagination() {
        return pagination;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean isRawBody() {
        return rawBody;
    }
}
