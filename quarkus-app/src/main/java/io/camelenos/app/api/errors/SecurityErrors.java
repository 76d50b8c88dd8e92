package io.camelenos.app.api.errors;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.camelenos.app.security.ApiUsers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as {@link ApiError} JSON, with the Basic challenge, and a message saying how to get access: which
 * variables create the user when none is configured, which credentials to send otherwise.
 */
public class SecurityErrors {

    static final String CHALLENGE = "Basic realm=\"camel-enos\"";

    @Inject
    ApiUsers users;

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e) {
        return unauthorized(howToAuthenticate());
    }

    @ServerExceptionMapper
    public Response wrongCredentials(AuthenticationFailedException e) {
        return unauthorized("wrong user or password; " + howToAuthenticate());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ApiError.of(403, "forbidden", "this user may not do that: changes to EnOS need a user with the role "
                + "writer (CAMEL_ENOS_API_WRITER_USERNAME, CAMEL_ENOS_API_WRITER_PASSWORD)").response();
    }

    private String howToAuthenticate() {
        if (!users.hasWriter() && !users.hasReader()) {
            return "this endpoint needs HTTP Basic credentials, and no user is configured: set "
                   + "CAMEL_ENOS_API_WRITER_USERNAME and CAMEL_ENOS_API_WRITER_PASSWORD (role writer: updates and "
                   + "reads) or CAMEL_ENOS_API_READER_USERNAME and CAMEL_ENOS_API_READER_PASSWORD (role reader: reads)";
        }
        return "this endpoint needs HTTP Basic credentials of a configured user (Authorization: Basic ...)";
    }

    private static Response unauthorized(String message) {
        return Response.fromResponse(ApiError.of(401, "unauthorized", message).response())
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }
}
