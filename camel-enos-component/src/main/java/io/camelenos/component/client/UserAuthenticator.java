package io.camelenos.component.client;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.component.EnosApiException;
import io.camelenos.component.catalog.EnosCatalog;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.catalog.UserAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Authorization} header of the operations that act as an EnOS user (reference §1.D): a token given as
 * the {@code userToken} option, or the session of a login the component performs itself with {@code userAccount}
 * and {@code userPassword} through the service's own login operation, and performs again once when the service
 * rejects the session.
 */
public final class UserAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(UserAuthenticator.class);
    private static final String BEARER = "Bearer ";
    /** IAM: no or malformed Authorization; unknown or expired session (30404 names the session then). */
    private static final int IAM_NO_SESSION = 30401;
    private static final int IAM_NOT_FOUND = 30404;
    /** App Portal: missing, unknown, expired or logged-out access token. */
    private static final int PORTAL_INVALID_TOKEN = 31401;

    private final String account;
    private final String password;
    private final String token;
    private final Function<UserAuth, UserSession> sessions;
    private final ObjectMapper mapper;

    /**
     * @param sessions the shared login of this account for IAM or PORTAL
     */
    public UserAuthenticator(String account, String password, String token, Function<UserAuth, UserSession> sessions,
                             ObjectMapper mapper) {
        this.account = account;
        this.password = password;
        this.token = token;
        this.sessions = sessions;
        this.mapper = mapper;
    }

    /** For clients whose endpoints act as no user: IAM and PORTAL operations then fail with a clear message. */
    static UserAuthenticator none(ObjectMapper mapper) {
        return new UserAuthenticator(null, null, null, kind -> new UserSession(), mapper);
    }

    /**
     * The user's Authorization header for an IAM or PORTAL request (logging in through {@code client} when there is
     * no session yet), or null for other requests (APP_TOKEN is the client's own token, added when it is sent).
     */
    String authorization(EnosRequest request, EnosClient client) {
        return switch (request.userAuth()) {
            case NONE, APP_TOKEN -> null;
            case IAM, PORTAL -> BEARER + userToken(request, client);
        };
    }

    /** Whether the answer says the user's session ended, so that logging in again may help. */
    boolean isRejected(EnosRequest request, EnosApiException e) {
        if (token != null || account == null) {
            return false; // a given token cannot be renewed here
        }
        return switch (request.userAuth()) {
            case NONE, APP_TOKEN -> false;
            case IAM -> e.getCode() == IAM_NO_SESSION || e.getCode() == IAM_NOT_FOUND
                        && e.getMsg() != null && e.getMsg().toLowerCase(Locale.ROOT).contains("session");
            case PORTAL -> e.getCode() == PORTAL_INVALID_TOKEN;
        };
    }

    /** Forgets the session an Authorization header carried, so that the next call logs in again. */
    void invalidate(EnosRequest request, String authorization) {
        if (authorization != null) {
            sessions.apply(request.userAuth()).invalidate(authorization.substring(BEARER.length()));
        }
    }

    private String userToken(EnosRequest request, EnosClient client) {
        if (token != null) {
            return token;
        }
        if (account == null || password == null) {
            throw new IllegalArgumentException("EnOS " + request.service() + "/" + request.operation()
                                               + " acts as a user: set the options userAccount and userPassword, "
                                               + "or userToken");
        }
        return sessions.apply(request.userAuth()).token(() -> login(request.userAuth(), client));
    }

    private String login(UserAuth kind, EnosClient client) {
        boolean iam = kind == UserAuth.IAM;
        EnosOperation login = EnosCatalog.defaultCatalog().find(iam ? "iam" : "app-portal", "login").orElseThrow();
        ObjectNode body = iam
                ? mapper.createObjectNode().put("authType", 0).put("principal", account).put("credentials", password)
                : mapper.createObjectNode().put("account", account).put("password", password);
        EnosReply reply = client.send(new EnosRequest(login.method(), login.path(), Map.of(), body.toString(),
                login.envelope(), login.service(), login.name()));
        JsonNode session = iam ? reply.data().path("session").path("id") : reply.data().path("accessToken");
        if (!session.isTextual() || session.asText().isEmpty()) {
            String missing = iam ? "session id" : "accessToken";
            throw new EnosApiException(reply.code(), "The login answer carries no " + missing, reply.requestId(),
                    reply.httpStatus(), login.service(), login.name());
        }
        LOG.debug("Logged in to EnOS {} as a user", login.service());
        return session.asText();
    }
}
