package io.camelenos.app.api.input;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.camelenos.app.api.errors.ApiError;
import io.camelenos.app.api.errors.VertxErrors;
import io.camelenos.app.text.UntrustedText;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first handler of every request, before any route, resource or log sees it. Refuses with an
 * {@link ApiError} JSON:
 * <ul>
 * <li>414: a request URI longer than {@value #MAX_URI_LENGTH} characters;</li>
 * <li>413: a declared body (Content-Length) over {@code quarkus.http.limits.max-body-size};</li>
 * <li>411: a chunked body (Transfer-Encoding, no Content-Length): the API takes small JSON bodies, and only a
 * declared length lets this guard answer an oversized one in JSON (Quarkus answers a chunked one with an empty 413);
 * </li>
 * <li>415: a body without Content-Type (JAX-RS would take it for JSON);</li>
 * <li>400: a path or query (names and values, decoded) with control characters (CR, LF, NUL, ...) or a broken
 * percent-encoding, so that they never reach a log line or EnOS; a query with ';' (Netty splits parameters on it, so
 * {@code limit=1;DROP} would read as {@code limit=1});</li>
 * <li>405: anything but GET and HEAD on Quarkus' own endpoints ({@code /q/...}: health, metrics, OpenAPI).</li>
 * </ul>
 */
@ApplicationScoped
public class RequestGuard {

    /** Longest request URI served; Vert.x's own line limit is set higher, so that this one answers in JSON. */
    public static final int MAX_URI_LENGTH = 8192;
    /** Before Quarkus' own handlers (body, security, JAX-RS). */
    static final int ORDER = -10_000;
    private static final Set<HttpMethod> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        ApiError refused = refusal(context);
        if (refused == null) {
            context.next();
        } else {
            if (refused.status() == 405) {
                context.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            }
            refused.send(context);
        }
    }

    /** Why the request is refused, or null. */
    private ApiError refusal(RoutingContext context) {
        ApiError refused = shapeRefusal(context);
        if (refused == null) {
            refused = controlCharacters("path", context.request().path());
        }
        return refused == null ? query(context.request().query()) : refused;
    }

    /** URI length, method on /q, body length and type. */
    private ApiError shapeRefusal(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > MAX_URI_LENGTH) {
            return ApiError.of(414, "URI too long", "the request URI has " + uri.length() + " characters; at most "
                    + MAX_URI_LENGTH + " are served");
        }
        if (context.request().path().startsWith("/q/") && !READ_METHODS.contains(context.request().method())) {
            return ApiError.of(405, "method not allowed", context.request().method().name() + " is not allowed on "
                    + UntrustedText.forLog(context.request().path()) + "; allowed: GET, HEAD");
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)
                    ? ApiError.of(411, "length required", "send the body with a Content-Length header, not chunked")
                    : null;
        }
        if (tooLarge(length)) {
            return VertxErrors.tooLarge();
        }
        if (!"0".equals(length.strip()) && context.request().getHeader(HttpHeaders.CONTENT_TYPE) == null) {
            return ApiError.of(415, "unsupported media type", "the body has no Content-Type; send it as "
                    + "application/json");
        }
        return null;
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a broken Content-Length itself
        }
    }

    private static ApiError query(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        if (query.indexOf(';') >= 0) {
            return ApiError.invalid("query", "query: ';' is not accepted (parameters are separated by '&'), was "
                    + UntrustedText.forLog(query));
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            ApiError bad = controlCharacters("query", name);
            if (bad == null && equals >= 0) {
                bad = controlCharacters("query parameter " + UntrustedText.forLog(decodeQuietly(name)),
                        pair.substring(equals + 1));
            }
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    /** A 400 when the percent-encoded text does not decode, or decodes to control characters; else null. */
    private static ApiError controlCharacters(String field, String encoded) {
        String decoded;
        try {
            // '+' stays itself in a path; in a query it is a space, which is no control character either
            decoded = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return ApiError.invalid(field, field + ": broken percent-encoding in " + UntrustedText.forLog(encoded));
        }
        if (UntrustedText.hasControlCharacters(decoded)) {
            return ApiError.invalid(field, field + ": control characters (CR, LF, NUL, ...) are not accepted, was "
                    + UntrustedText.forLog(decoded));
        }
        return null;
    }

    private static String decodeQuietly(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }
}
