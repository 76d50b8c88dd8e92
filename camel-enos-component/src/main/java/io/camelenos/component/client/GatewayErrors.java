package io.camelenos.component.client;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.component.EnosApiException;

/**
 * Turns non-2xx gateway answers into exceptions, in one place: 429 and 5xx become {@link TransientFailure}s (retried),
 * every other status an {@link EnosApiException} (not retried).
 */
final class GatewayErrors {

    /** Token-service status meaning "access token expired" (reference §1.A). */
    static final int TOKEN_EXPIRED = 1203;

    private GatewayErrors() {
    }

    static boolean isSuccess(int httpStatus) {
        return httpStatus >= 200 && httpStatus < 300;
    }

    /** Whether the gateway refused the call because the access token expired. */
    static boolean isTokenExpired(HttpResponse<byte[]> response, ObjectMapper mapper) {
        if (response.statusCode() != 401) {
            return false;
        }
        JsonNode body = parse(response.body(), mapper);
        return body.path("status").asInt() == TOKEN_EXPIRED || body.path("code").asInt() == TOKEN_EXPIRED;
    }

    /** Throws the exception matching a non-2xx answer. */
    static RuntimeException failure(HttpResponse<byte[]> response, ObjectMapper mapper, String service,
                                     String operation) {
        int status = response.statusCode();
        JsonNode body = parse(response.body(), mapper);
        int code = firstInt(body, status, "status", "code");
        String msg = firstText(body, "HTTP " + status, "message", "msg");
        EnosApiException error = new EnosApiException(code, msg, body.path("requestId").asText(null), status,
                service, operation);
        if (status == 429) {
            return new TransientFailure(error, retryAfter(response).orElse(null));
        }
        return status >= 500 ? new TransientFailure(error) : error;
    }

    /** Retry-After in seconds (the HTTP-date form is not used by the gateway). */
    static Optional<Duration> retryAfter(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** The JSON document of a body, decoded from its bytes; a missing node when it is empty or not JSON. */
    static JsonNode parse(byte[] body, ObjectMapper mapper) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : mapper.readTree(body);
            return node == null ? mapper.missingNode() : node;
        } catch (Exception e) {
            return mapper.missingNode();
        }
    }

    private static int firstInt(JsonNode body, int fallback, String... fields) {
        for (String field : fields) {
            if (body.path(field).isInt()) {
                return body.path(field).asInt();
            }
        }
        return fallback;
    }

    private static String firstText(JsonNode body, String fallback, String... fields) {
        for (String field : fields) {
            if (body.path(field).isTextual()) {
                return body.path(field).asText();
            }
        }
        return fallback;
    }
}
