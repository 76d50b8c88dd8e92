package io.camelenos.component.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.catalog.Envelope;

/**
 * Reads the code, message, request id and data of each envelope style (reference §0).
 */
final class EnvelopeReader {

    private static final int PORTAL_OK = 200;

    private EnvelopeReader() {
    }

    static EnosReply read(Envelope envelope, int httpStatus, JsonNode root) {
        JsonNode data = root.path("data");
        String requestId = root.path("requestId").asText(null);
        return switch (envelope) {
            case CODE -> new EnosReply(httpStatus, root, code(root, "code", "status"), message(root, "msg"), requestId,
                    data);
            case STATUS -> new EnosReply(httpStatus, root, code(root, "status", "code"), message(root, "msg"),
                    requestId, data);
            case PORTAL -> new EnosReply(httpStatus, root, code(root, "code", "code"), message(root, "message"),
                    requestId, data);
            case IAM -> new EnosReply(httpStatus, root, iamCode(root), message(root, "message"), requestId, root);
        };
    }

    static boolean isSuccess(Envelope envelope, int code) {
        return switch (envelope) {
            case CODE, STATUS -> code == 0;
            case PORTAL -> code == PORTAL_OK || code == 0;
            case IAM -> code == 0;
        };
    }

    /** 0 when IAM says success; its status otherwise (-1 when a failure carries no status, still an error). */
    private static int iamCode(JsonNode root) {
        if (root.path("success").asBoolean(false) && !root.path("fail").asBoolean(false)) {
            return 0;
        }
        int status = root.path("status").asInt(-1);
        return status == 0 ? -1 : status;
    }

    /**
     * The style's field, else the other one: EnOS doc samples disagree on the envelope of a few endpoints (the TSDB
     * policy service), and a wrong guess must not turn a success into an error. A body with neither is not success:
     * -1 makes it an error the caller sees.
     */
    private static int code(JsonNode root, String field, String otherField) {
        for (String name : new String[] { field, otherField }) {
            if (root.path(name).canConvertToInt()) {
                return root.path(name).asInt();
            }
        }
        return -1;
    }

    private static String message(JsonNode root, String field) {
        String msg = root.path(field).asText("");
        String submsg = root.path("submsg").asText("");
        return submsg.isEmpty() ? msg : msg + " (" + submsg + ")";
    }
}
