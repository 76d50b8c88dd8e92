package io.camelenos.app.api.errors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.camelenos.app.text.UntrustedText;
import io.vertx.ext.web.Router;

/**
 * The errors that Vert.x answers before any JAX-RS resource is involved (a path no route serves, a body over the size
 * limit, a failed handler) as {@link ApiError} JSON instead of an HTML page or an empty body.
 */
@ApplicationScoped
public class VertxErrors {

    void register(@Observes Router router) {
        router.errorHandler(404, context -> ApiError.of(404, "not found", "no resource at "
                + UntrustedText.forLog(context.request().path())).send(context));
        router.errorHandler(405, context -> ApiError.of(405, "method not allowed", context.request().method().name()
                + " is not allowed on " + UntrustedText.forLog(context.request().path())).send(context));
        router.errorHandler(413, context -> tooLarge().send(context));
        router.errorHandler(414, context -> ApiError.of(414, "URI too long", "the request URI is too long").send(context));
        router.errorHandler(500, context -> ApiError.of(500, "internal error",
                "the request failed inside the app; its log says why").send(context));
    }

    public static ApiError tooLarge() {
        return ApiError.of(413, "payload too large", "the request body is over the app's limit "
                + "(quarkus.http.limits.max-body-size)");
    }
}
