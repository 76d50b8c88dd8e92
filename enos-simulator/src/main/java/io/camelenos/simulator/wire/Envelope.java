package io.camelenos.simulator.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The response envelope families of EnOS's services (reference section 0). */
public enum Envelope {
    /** DM services: {code, msg, requestId, data} (+ pagination on searches). */
    DM,
    /** TSDB v2.1: {code, msg, requestId, submsg, data}. */
    TSDB,
    /** TSDB v2.0, TSDB policy v2.0 and ML: {status, requestId, msg, submsg, data}. */
    STATUS,
    /** The token service: {status, msg, business, data}. */
    TOKEN,
    /** Application Portal: {code: 200, message, data}. */
    APP_PORTAL,
    /** Handlers build the whole body themselves (IAM's success/fail bodies, REST-style services). */
    NONE;

    public ObjectNode success(String requestId, JsonNode data) {
        ObjectNode body = Json.object();
        switch (this) {
            case DM -> body.put("code", 0).put("msg", "OK").put("requestId", requestId);
            case TSDB -> body.put("code", 0).put("msg", "OK").put("requestId", requestId).putNull("submsg");
            case STATUS -> body.put("status", 0).put("requestId", requestId).put("msg", "success").putNull("submsg");
            case TOKEN -> body.put("status", 0).put("msg", "SUCCESS").put("business", "apim-token-service");
            case APP_PORTAL -> body.put("code", 200).put("message", "");
            case NONE -> {
                return data instanceof ObjectNode object ? object : body.set("data", data);
            }
        }
        body.set("data", data);
        return body;
    }

    public ObjectNode failure(String requestId, int code, String msg) {
        ObjectNode body = Json.object();
        switch (this) {
            case DM, TSDB -> body.put("code", code).put("msg", msg).put("requestId", requestId);
            case STATUS -> body.put("status", code).put("requestId", requestId).put("msg", msg).putNull("submsg");
            case TOKEN -> body.put("status", code).put("msg", msg).put("business", "apim-token-service");
            case APP_PORTAL -> body.put("code", code).put("message", msg);
            case NONE -> body.put("success", false).put("fail", true).put("code", code).put("message", msg);
        }
        body.putNull("data");
        return body;
    }
}
