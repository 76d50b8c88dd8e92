package io.camelenos.simulator.appportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.iam.LoginGuard;
import io.camelenos.simulator.iam.Users;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Logging in and out of the portal: password and code logins (locked out after repeated failures), tokens and their refresh, the session and its organization. */
final class LoginHandlers {

    private final SimContext context;
    private final Users users;
    private final PortalChecks checks;
    private final PortalViews views;
    private final PortalSessions sessions;
    private final LoginGuard guard;
    /** Authorization codes already used: a code logs in once. */
    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();

    LoginHandlers(SimContext context, Users users, PortalChecks checks, PortalViews views, PortalSessions sessions) {
        this.context = context;
        this.users = users;
        this.checks = checks;
        this.views = views;
        this.sessions = sessions;
        this.guard = new LoginGuard(context.clock());
    }

    // POST /app-portal-service/v2.0/login
    Object login(SimRequest request) {
        JsonNode body = request.jsonObject();
        String account = Json.text(body, "account");
        String password = Json.text(body, "password");
        if (account == null || account.isBlank() || password == null || password.isEmpty()) {
            throw ApiError.of(31400, "User password is missing or not valid");
        }
        if (guard.locked(account)) {
            throw ApiError.of(31429, "login.account.exhausted");
        }
        Users.User user = users.byAccount(account).filter(u -> password.equals(Users.PASSWORD) && u.state() == 0)
                .orElse(null);
        if (user == null) {
            guard.failed(account);
            throw ApiError.of(31400, "User password is missing or not valid");
        }
        guard.succeeded(account);
        return loggedIn(user);
    }

    // POST /app-portal-service/v2.2/login-via-code
    Object loginViaCode(SimRequest request) {
        String code = Json.text(request.jsonObject(), "code");
        if (code == null || code.isBlank() || !code.startsWith("sim-code-") || !usedCodes.add(code)) {
            throw ApiError.of(31400, "Invalid authorization code.");
        }
        String rest = code.substring("sim-code-".length());
        String name = rest.contains("-") ? rest.substring(0, rest.indexOf('-')) : rest;
        Users.User user = users.byAccount(name).filter(u -> u.state() == 0)
                .orElseThrow(() -> ApiError.of(31400, "Invalid authorization code."));
        return loggedIn(user);
    }

    ObjectNode loggedIn(Users.User user) {
        PortalSessions.Access access = sessions.open(user, context.orgId());
        ObjectNode data = Json.object().put("accessToken", access.token());
        data.putArray("organizations").add(views.orgRef());
        data.putObject("user").put("id", user.id()).put("name", user.name());
        return data;
    }

    // GET /app-portal-service/v2.0/logout
    Object logout(SimRequest request) {
        PortalSessions.Access access = checks.access(request);
        sessions.logout(access.token());
        return true;
    }

    // GET /app-portal-service/v2.0/token/refresh?refreshToken=
    Object refresh(SimRequest request) {
        String token = request.query("refreshToken");
        if (token == null || token.isBlank()) {
            throw PortalChecks.invalid("refreshToken");
        }
        PortalSessions.Refresh old = sessions.useRefresh(token)
                .orElseThrow(() -> ApiError.of(410, "refreshToken.expired"));
        PortalSessions.Access access = sessions.open(old.user(), old.orgId());
        return views.tokenAnswer(access, sessions.issueRefresh(old.user(), old.orgId()));
    }

    // POST /app-portal-service/v2.0/refreshToken/revokeAll
    Object revokeAll(SimRequest request) {
        PortalSessions.Access access = checks.access(request);
        String token = request.param("refreshToken");
        if (token == null || token.isBlank() || !sessions.refreshBelongsTo(token, access.user())) {
            throw PortalChecks.invalid("refreshToken");
        }
        sessions.revokeAll(access.user());
        return null;
    }

    // GET /app-portal-service/v2.1/session/info
    Object sessionInfo(SimRequest request) {
        PortalSessions.Access access = checks.access(request);
        return Json.object().put("userId", access.user().id()).put("userName", access.user().name())
                .put("currentOrgId", access.orgId()).put("currentOrgName", users.orgName());
    }

    // POST /app-portal-service/v2.1/session/set
    Object chooseOrganization(SimRequest request) {
        PortalSessions.Access access = checks.access(request);
        String orgId = Json.text(request.jsonObject(), "orgId");
        if (orgId == null || orgId.isBlank()) {
            throw PortalChecks.invalid("orgId");
        }
        if (!orgId.equals(context.orgId())) {
            throw ApiError.of(404, "organization.user.not.exist");
        }
        PortalSessions.Access moved = sessions.switchOrg(access, orgId);
        return views.tokenAnswer(moved, sessions.issueRefresh(moved.user(), orgId));
    }
}
