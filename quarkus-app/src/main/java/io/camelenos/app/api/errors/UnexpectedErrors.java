package io.camelenos.app.api.errors;

import jakarta.ws.rs.core.Response;

import io.camelenos.app.text.UntrustedText;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any other failure of an endpoint (a database error, a bug): a 500 {@link ApiError} without internals (they go to
 * the log, neutralised), instead of an HTML page or an empty body.
 */
public class UnexpectedErrors {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrors.class);

    @ServerExceptionMapper
    public Response map(Exception e) {
        LOG.error("Request failed: {}", UntrustedText.forLog(e));
        LOG.debug("Request failure detail", e);
        return ApiError.of(500, "internal error", "the request failed inside the app; its log says why").response();
    }
}
