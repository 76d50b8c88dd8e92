package io.camelenos.app.api.errors;

import java.util.Locale;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.camelenos.app.text.UntrustedText;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The HTTP errors JAX-RS raises (no such resource, method not allowed, unacceptable Accept, unsupported Content-Type,
 * ...) as {@link ApiError} JSON saying what the caller should change. Every endpoint of the app gets this for free.
 */
public class HttpErrors {

    @ServerExceptionMapper
    public Response map(WebApplicationException e, HttpServerRequest request) {
        return toError(e, request).response();
    }

    static ApiError toError(WebApplicationException e, HttpServerRequest request) {
        Response original = e.getResponse();
        int status = original.getStatus();
        String path = UntrustedText.forLog(request.path());
        if (e instanceof NotFoundException) {
            return ApiError.of(404, "not found", "no resource at " + path);
        }
        if (e instanceof NotAllowedException) {
            String allowed = original.getHeaderString(HttpHeaders.ALLOW);
            return ApiError.of(405, "method not allowed", request.method().name() + " is not allowed on " + path
                    + (allowed == null || allowed.isBlank() ? "" : "; allowed: " + allowed));
        }
        if (e instanceof NotAcceptableException) {
            return ApiError.of(406, "not acceptable", path + " answers application/json; the Accept header asks for "
                    + UntrustedText.forLog(request.getHeader(HttpHeaders.ACCEPT)));
        }
        if (e instanceof NotSupportedException) {
            return ApiError.of(415, "unsupported media type", "the body must be JSON (Content-Type: application/json), "
                    + "was " + UntrustedText.forLog(request.getHeader(HttpHeaders.CONTENT_TYPE)));
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String error = type == null ? "error " + status : type.getReasonPhrase().toLowerCase(Locale.ROOT);
        return ApiError.of(status, error, UntrustedText.forLog(e.getMessage()));
    }
}
