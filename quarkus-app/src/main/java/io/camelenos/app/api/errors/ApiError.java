package io.camelenos.app.api.errors;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The JSON body of every 4xx and 5xx answer of the app: {@code {"status": 404, "error": "not found", "message":
 * "..."}}, plus {@code "field"} when one input field is at fault. The same shape whether JAX-RS (an exception mapper)
 * or Vert.x (a route or error handler) answers. Messages never echo a secret; untrusted text in them is neutralised by
 * the caller ({@link io.camelenos.app.text.UntrustedText}).
 */
public final class ApiError {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final int status;

    private ApiError(int status, String error, String message) {
        this.status = status;
        body.put("status", status);
        body.put("error", error);
        body.put("message", message);
    }

    /** An error with the given status, short error name (e.g. "invalid input") and message saying what to change. */
    public static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message);
    }

    /** A 400 naming the offending field. */
    public static ApiError invalid(String field, String message) {
        return new ApiError(400, "invalid input", message).with("field", field);
    }

    /** Adds a member to the body. */
    public ApiError with(String name, Object value) {
        body.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> body() {
        return body;
    }

    /** As a JAX-RS response. */
    public Response response() {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** Sends it on a Vert.x route (outside JAX-RS: unknown paths, too long URIs, /q endpoints). */
    public void send(RoutingContext context) {
        if (context.response().headWritten()) {
            context.response().end();
            return;
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .end(json());
    }

    String json() {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An error body that Jackson cannot write: " + body.keySet(), e);
        }
    }
}
