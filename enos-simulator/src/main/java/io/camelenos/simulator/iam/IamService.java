package io.camelenos.simulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.http.Handler;
import io.camelenos.simulator.http.Reply;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IAM service ({@code enos-iam-service/v2.0}): log in with an account of the org, then read the session and the
 * org with the session id in {@code Authorization}. Bodies are IAM's own {@code {fail, success, status, message,
 * ...}} shape, not the DM envelope; errors carry the IAM code in {@code status} (30400, 30401, 30404, 30410, 30429,
 * 30511).
 */
public final class IamService implements SimService {

    static final String BASE = "/enos-iam-service/v2.0";
    private static final int DEFAULT_EXPIRES = 7200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.S")
            .withZone(ZoneOffset.UTC);

    private SimContext context;
    private Users users;
    private LoginGuard guard;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private record Session(String id, Users.User user, long createMillis, int expires) {
    }

    @Override
    public void register(Router router, SimContext context) {
        this.context = context;
        this.users = context.shared(Users.class, Users::new);
        this.guard = new LoginGuard(context.clock());
        post(router, "/login", this::login);
        post(router, "/session/info", this::sessionInfo);
        post(router, "/organization/info", this::organizationInfo);
        post(router, "/user/organization/list", this::organizationList);
    }

    private void post(Router router, String path, Handler handler) {
        router.path(BASE + path, Envelope.NONE).orgRequired(false).method("POST", request -> {
            try {
                return handler.handle(request);
            } catch (ApiError e) {
                if (e.isGateway()) {
                    throw e;
                }
                return failure(e.code(), e.msg());
            }
        });
    }

    // POST /enos-iam-service/v2.0/login
    private Object login(SimRequest request) {
        JsonNode body = request.jsonObject();
        String authType = Json.text(body, "authType");
        String principal = Json.text(body, "principal");
        String credentials = Json.text(body, "credentials");
        if (authType == null || !(authType.equals("0") || authType.equals("1"))) {
            throw ApiError.of(30400, "authType must be 0 (EnOS) or 1 (LDAP)");
        }
        if (principal == null || principal.isBlank() || credentials == null || credentials.isEmpty()) {
            throw ApiError.of(30400, "The user account or password is not correct");
        }
        if (authType.equals("1")) {
            String link = Json.text(body, "linkName");
            if (link == null || link.isBlank()) {
                throw ApiError.of(30400, "The LDAP domain is missing");
            }
            if (!link.equals(Users.LDAP_LINK)) {
                throw ApiError.of(30404, "The LDAP connection does not exist: " + link);
            }
        }
        if (guard.locked(principal)) {
            throw ApiError.of(30429, "The login failure times of the account has reached the limit. Please try again later.");
        }
        Users.User user = users.byAccount(principal)
                .filter(u -> authType.equals("1") == (u.ldapLink() != null))
                .filter(u -> credentials.equals(Users.PASSWORD))
                .orElse(null);
        if (user == null) {
            guard.failed(principal);
            throw ApiError.of(30400, "The user account or password is not correct");
        }
        if (user.state() != 0) {
            throw ApiError.of(30511, "The user account is disabled");
        }
        if (user.passwordExpired()) {
            throw ApiError.of(30410, "The password has expired");
        }
        guard.succeeded(principal);
        JsonNode expireInterval = body.get("expireInterval");
        int expires = expireInterval != null && expireInterval.canConvertToInt() && expireInterval.asInt() > 0
                ? expireInterval.asInt() : DEFAULT_EXPIRES;
        Session session = new Session(Users.token("IAM_S_", 128), user, context.clock().nowMillis(), expires);
        sessions.put(session.id(), session);
        ObjectNode answer = success();
        answer.put("captcha", "");
        answer.set("session", sessionJson(session));
        return answer;
    }

    // POST /enos-iam-service/v2.0/session/info
    private Object sessionInfo(SimRequest request) {
        Session session = session(request);
        ObjectNode answer = success();
        answer.set("session", sessionJson(session));
        return answer;
    }

    // POST /enos-iam-service/v2.0/organization/info
    private Object organizationInfo(SimRequest request) {
        session(request);
        String id = Json.text(request.jsonObject(), "id");
        if (id == null || id.isBlank()) {
            throw ApiError.of(30400, "The organization id is missing");
        }
        if (!id.equals(context.orgId())) {
            throw ApiError.of(30404, "The organization is not found: " + id);
        }
        ObjectNode answer = success();
        answer.set("organization", organization());
        return answer;
    }

    // POST /enos-iam-service/v2.0/user/organization/list
    private Object organizationList(SimRequest request) {
        session(request);
        ObjectNode answer = success();
        answer.putArray("organizations").add(organization());
        return answer;
    }

    /** The live session named by the Authorization header: 30401 when none is given, 30404 when unknown or expired. */
    private Session session(SimRequest request) {
        String id = Users.bearer(request.header("authorization"));
        if (id == null || !id.startsWith("IAM_S_")) {
            throw ApiError.of(30401, "The provided bearer token is not valid.");
        }
        Session session = sessions.get(id);
        if (session == null || context.clock().nowMillis() >= session.createMillis() + session.expires() * 1000L) {
            throw ApiError.of(30404, "The session information is not found.");
        }
        return session;
    }

    private ObjectNode sessionJson(Session s) {
        long createSeconds = s.createMillis() / 1000;
        ObjectNode node = Json.object();
        node.set("workingOrganization", orgRef(domain()));
        node.put("expires", s.expires()).put("createTime", createSeconds);
        node.set("residentOrganization", orgRef(null));
        node.put("refreshTime", context.clock().nowMillis() / 1000).put("id", s.id());
        node.set("user", user(s.user()));
        return node;
    }

    private ObjectNode orgRef(String domain) {
        ObjectNode node = Json.object();
        if (domain == null) {
            node.putNull("domain");
        } else {
            node.put("domain", domain);
        }
        return node.put("name", users.orgName()).put("id", context.orgId());
    }

    private String domain() {
        return "db_" + context.orgId();
    }

    private ObjectNode user(Users.User u) {
        ObjectNode node = Json.object()
                .put("createdByUserId", "u16000000000001").put("resourceId", "r" + u.id().substring(1))
                .put("phoneVerified", false).put("description", "").put("type", u.type())
                .put("organizationId", context.orgId()).putNull("createdAt").put("emailVerified", true)
                .putNull("phoneVerifiedAt").put("phone", "").put("createTime", TIME.format(Instant.ofEpochMilli(Users.CREATED)))
                .putNull("emailVerifiedAt").put("mfaType", 0).putNull("extra").putNull("organization")
                .put("name", u.name()).put("phoneArea", "").put("id", u.id()).put("state", u.state())
                .put("authType", u.ldapLink() == null ? 0 : 1).put("email", u.email())
                .put("passwordState", 0).put("passwordStrength", 1)
                .put("passwordExpireTime", context.clock().nowMillis() + 90L * 86_400_000L);
        return node;
    }

    private ObjectNode organization() {
        ObjectNode org = Json.object().put("createdByUserId", "u16000000000001").put("resourceId", "r16000000000000")
                .put("code", "").put("approvalState", 1).put("description", "The emulated organization")
                .put("type", 2).put("ownerId", "u16000000000001")
                .put("createTime", TIME.format(Instant.ofEpochMilli(Users.CREATED))).put("domain", domain());
        org.putObject("extra").put("owner", "u16000000000001").put("approvedBy", "system").put("scale", "0")
                .put("registerType", "0");
        return org.put("name", users.orgName()).put("id", context.orgId()).put("state", 0).put("certificationState", 1);
    }

    private static ObjectNode success() {
        return Json.object().put("fail", false).put("success", true).putNull("requestId").put("failed", false)
                .put("message", "").put("status", 0).put("successful", true);
    }

    private static Reply failure(int code, String message) {
        ObjectNode body = Json.object().put("fail", true).put("success", false).putNull("requestId")
                .put("failed", true).put("message", message).put("status", code).put("successful", false);
        return Reply.raw(200, body);
    }
}
