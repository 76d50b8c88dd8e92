package io.camelenos.examples;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.component.EnosConstants;
import org.apache.camel.Message;

/**
 * What the alert forwarder writes: the webhook's JSON body ({@code {"state": "ACTIVE|RECOVERED", "eventId": ...,
 * "alert": {...}}}, the alert as EnOS answers it) and the dead-letter line (the same object with {@code error} and
 * {@code failedAt}), so that a dead letter can be sent again as it is.
 */
final class AlertMessages {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertMessages() {
    }

    /** The webhook body for the alert the alert consumer put in this message. */
    static ObjectNode payload(Message message) {
        ObjectNode payload = MAPPER.createObjectNode()
                .put("state", message.getHeader(EnosConstants.ALERT_STATE, String.class))
                .put("eventId", message.getHeader(EnosConstants.EVENT_ID, String.class));
        payload.set("alert", message.getBody(JsonNode.class));
        return payload;
    }

    /** One line of the dead-letter file: the webhook body, why it failed, and when. */
    static String deadLetter(Message message, String error, Instant at) {
        return payload(message).put("error", error).put("failedAt", at.toString()) + "\n";
    }
}
