package io.camelenos.simulator.appportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.http.Handler;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.iam.LoginGuard;
import io.camelenos.simulator.iam.Users;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.CommaSeparated;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Application Portal service ({@code app-portal-service} v2.0, v2.1, v2.2): user login with a bearer access token,
 * refresh tokens, the org's users, the assets each user may see (org structure → site → assets), and application
 * messages. Envelope {@code {code: 200, message, data}}; errors use the portal's codes (31400, 31401, 31403, 31429,
 * and the common 400 {@code parameter.invalid.<name>}, 403, 404 {@code <thing>.not.exist}, 410, 415).
 * Pages count from 0 and hold 1000 items unless asked otherwise.
 */
public final class AppPortalService implements SimService {

    static final String BASE = "/app-portal-service";
    private static final int DEFAULT_PAGE_SIZE = 1000;
    private static final int MAX_PAGE_SIZE = 10_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.S")
            .withZone(ZoneOffset.UTC);

    private SimContext context;
    private Users users;
    private LoginGuard guard;
    private PortalSessions sessions;
    private PortalAssets assets;
    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
    /** Messages by accessKey + "/" + messageId: true while unresolved. */
    private final Map<String, Boolean> messages = new ConcurrentHashMap<>();

    @Override
    public void register(Router router, SimContext context) {
        this.context = context;
        this.users = context.shared(Users.class, Users::new);
        this.guard = new LoginGuard(context.clock());
        this.sessions = new PortalSessions(context.clock());
        this.assets = new PortalAssets(context, users);
        // Log in and out, tokens
        route(router, "POST", "/v2.0/login", this::login);
        route(router, "POST", "/v2.2/login-via-code", this::loginViaCode);
        route(router, "GET", "/v2.0/logout", this::logout);
        route(router, "GET", "/v2.0/token/refresh", this::refresh);
        route(router, "POST", "/v2.0/refreshToken/revokeAll", this::revokeAll);
        route(router, "GET", "/v2.1/session/info", this::sessionInfo);
        // Users and organizations
        route(router, "POST", "/v2.1/session/set", this::chooseOrganization);
        route(router, "GET", "/v2.0/user/info", this::userInfo);
        route(router, "GET", "/v2.0/user/organization/list", this::organizationList);
        route(router, "POST", "/v2.0/organization/user/list", this::manageableUsers);
        route(router, "POST", "/v2.0/user/organization/roster", this::roster);
        route(router, "POST", "/v2.2/user/list", this::appUsers);
        route(router, "GET", "/v2.2/user/domain", this::userDomain);
        route(router, "GET", "/v2.2/user/structures", this::userStructures);
        // Assets
        route(router, "POST", "/v2.0/asset/append", this::authorizeAsset);
        route(router, "POST", "/v2.0/user/authorization/asset/check", this::checkAssets);
        route(router, "GET", "/v2.1/user/app/asset/tree", this::assetTree);
        route(router, "POST", "/v2.0/user/asset/list", this::assetsOfUser);
        route(router, "GET", "/v2.1/asset/structure", this::assetStructure);
        route(router, "GET", "/v2.0/asset/sync", this::syncAssets);
        route(router, "POST", "/v2.1/asset/authorize/user/list", this::usersOfAsset);
        // Applications and messages
        route(router, "POST", "/v2.1/message/produce", this::produceMessages);
        route(router, "GET", "/v2.1/user/app/resource/info", this::menus);
        route(router, "GET", "/v2.0/message/enum/colors", r -> enumeration("colors", "red", "红色", "Yellow", "黄色", "Gray", "灰色"));
        route(router, "GET", "/v2.0/message/enum/ringtones", r -> enumeration("ringings", "No Sound", "无声音", "Alarm Sound", "警报声"));
        route(router, "POST", "/v2.0/message/unresolved/list", this::unresolvedMessages);
        route(router, "POST", "/v2.1/message/update", this::updateMessages);
        route(router, "GET", "/v2.0/user/app/list", this::userApps);
    }

    private void route(Router router, String method, String path, Handler handler) {
        router.path(BASE + path, Envelope.APP_PORTAL).orgRequired(false).method(method, handler);
    }

    // ---- log in and out --------------------------------------------------------------------------------------

    // POST /app-portal-service/v2.0/login
    private Object login(SimRequest request) {
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
    private Object loginViaCode(SimRequest request) {
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

    private ObjectNode loggedIn(Users.User user) {
        PortalSessions.Access access = sessions.open(user, context.orgId());
        ObjectNode data = Json.object().put("accessToken", access.token());
        data.putArray("organizations").add(orgRef());
        data.putObject("user").put("id", user.id()).put("name", user.name());
        return data;
    }

    // GET /app-portal-service/v2.0/logout
    private Object logout(SimRequest request) {
        PortalSessions.Access access = access(request);
        sessions.logout(access.token());
        return true;
    }

    // GET /app-portal-service/v2.0/token/refresh?refreshToken=
    private Object refresh(SimRequest request) {
        String token = request.query("refreshToken");
        if (token == null || token.isBlank()) {
            throw invalid("refreshToken");
        }
        PortalSessions.Refresh old = sessions.useRefresh(token)
                .orElseThrow(() -> ApiError.of(410, "refreshToken.expired"));
        PortalSessions.Access access = sessions.open(old.user(), old.orgId());
        return tokenAnswer(access, sessions.issueRefresh(old.user(), old.orgId()));
    }

    // POST /app-portal-service/v2.0/refreshToken/revokeAll
    private Object revokeAll(SimRequest request) {
        PortalSessions.Access access = access(request);
        String token = request.param("refreshToken");
        if (token == null || token.isBlank() || !sessions.refreshBelongsTo(token, access.user())) {
            throw invalid("refreshToken");
        }
        sessions.revokeAll(access.user());
        return null;
    }

    // GET /app-portal-service/v2.1/session/info
    private Object sessionInfo(SimRequest request) {
        PortalSessions.Access access = access(request);
        return Json.object().put("userId", access.user().id()).put("userName", access.user().name())
                .put("currentOrgId", access.orgId()).put("currentOrgName", users.orgName());
    }

    // ---- users and organizations -----------------------------------------------------------------------------

    // POST /app-portal-service/v2.1/session/set
    private Object chooseOrganization(SimRequest request) {
        PortalSessions.Access access = access(request);
        String orgId = Json.text(request.jsonObject(), "orgId");
        if (orgId == null || orgId.isBlank()) {
            throw invalid("orgId");
        }
        if (!orgId.equals(context.orgId())) {
            throw ApiError.of(404, "organization.user.not.exist");
        }
        PortalSessions.Access moved = sessions.switchOrg(access, orgId);
        return tokenAnswer(moved, sessions.issueRefresh(moved.user(), orgId));
    }

    private ObjectNode tokenAnswer(PortalSessions.Access access, PortalSessions.Refresh refresh) {
        return Json.object().put("userId", access.user().id()).put("userName", access.user().name())
                .put("currentOrgId", access.orgId()).put("currentOrgName", users.orgName())
                .put("accessToken", access.token()).put("refreshToken", refresh.token())
                .put("refreshTokenExpire", refresh.expiresMillis());
    }

    // GET /app-portal-service/v2.0/user/info
    private Object userInfo(SimRequest request) {
        return userDto(access(request).user());
    }

    // GET /app-portal-service/v2.0/user/organization/list
    private Object organizationList(SimRequest request) {
        access(request);
        ObjectNode data = Json.object();
        data.putArray("organizations").add(orgRef());
        return data;
    }

    // POST /app-portal-service/v2.0/organization/user/list
    private Object manageableUsers(SimRequest request) {
        requireAdmin(access(request));
        return userPage(request.jsonObject(), "users", u -> userDto(u).put("exists", true));
    }

    // POST /app-portal-service/v2.0/user/organization/roster
    private Object roster(SimRequest request) {
        JsonNode body = request.jsonObject();
        requireOrg(Json.text(body, "orgId"));
        return userPage(body, "users", this::apiUser);
    }

    // POST /app-portal-service/v2.2/user/list
    private Object appUsers(SimRequest request) {
        requireAdmin(access(request));
        return userPage(request.jsonObject(), "users", this::apiUser);
    }

    // GET /app-portal-service/v2.2/user/domain?email=
    private Object userDomain(SimRequest request) {
        String email = request.query("email");
        if (email == null || email.isBlank()) {
            throw ApiError.of(31400, "The user email address is required.");
        }
        Users.User user = users.byEmail(email).orElseThrow(() -> ApiError.of(404, "user.not.exist"));
        return user.ldapLink() != null
                ? Json.object().put("id", user.ldapLink()).put("name", user.ldapLink())
                        .put("url", "ldap://ldap.sim.enos").put("description", "LDAP domain of the emulator")
                : Json.object().put("id", "sim.enos").put("name", "sim.enos").put("url", "https://portal.sim.enos")
                        .put("description", "Application Portal accounts");
    }

    // GET /app-portal-service/v2.2/user/structures
    private Object userStructures(SimRequest request) {
        Users.User user = access(request).user();
        ObjectNode data = Json.object();
        ArrayNode list = data.putArray("structures");
        if (user.admin()) {
            ObjectNode root = assets.rootStructure();
            list.add(Json.object().put("id", root.get("id").asText()).put("name", root.get("name").asText())
                    .put("parentId", ""));
        } else {
            ObjectNode site = assets.siteStructure(context.dataSet().assetId(0));
            list.add(Json.object().put("id", site.get("id").asText()).put("name", site.get("name").asText())
                    .put("parentId", assets.rootId()));
        }
        return data;
    }

    // ---- assets ----------------------------------------------------------------------------------------------

    // POST /app-portal-service/v2.0/asset/append
    private Object authorizeAsset(SimRequest request) {
        JsonNode body = request.jsonObject();
        Users.User user = userParam(body);
        requireOrg(Json.text(body, "orgId"));
        List<String> ids = existingAssets(body.get("assetIds"), "assetIds");
        users.grant(user, ids);
        return true;
    }

    // POST /app-portal-service/v2.0/user/authorization/asset/check
    private Object checkAssets(SimRequest request) {
        Users.User user = access(request).user();
        List<String> ids = idList(request.jsonObject().get("assetIds"));
        if (ids.isEmpty()) {
            throw invalid("assetIds");
        }
        return ids.stream().allMatch(id -> users.canAccess(user, id));
    }

    // GET /app-portal-service/v2.1/user/app/asset/tree?accessKey=
    private Object assetTree(SimRequest request) {
        Users.User user = access(request).user();
        requireAccessKey(request.query("accessKey"));
        return assets.treeFor(user);
    }

    // POST /app-portal-service/v2.0/user/asset/list
    private Object assetsOfUser(SimRequest request) {
        JsonNode body = request.jsonObject();
        Users.User user = userParam(body);
        requireOrg(Json.text(body, "orgId"));
        int[] page = page(body);
        ObjectNode data = Json.object();
        data.set("pagination", pagination(page, assets.countFor(user)));
        ArrayNode list = data.putArray("assets");
        assets.pageFor(user, page[0], page[1]).forEach(list::add);
        return data;
    }

    // GET /app-portal-service/v2.1/asset/structure?assetIds=
    private Object assetStructure(SimRequest request) {
        access(request);
        String raw = request.query("assetIds") != null ? request.query("assetIds") : request.query("assetId");
        List<String> ids = existingAssets(raw == null ? null : Json.NODES.textNode(raw), "assetIds");
        ObjectNode root = assets.rootStructure();
        ArrayNode children = root.putArray("children");
        Map<String, ObjectNode> sites = new LinkedHashMap<>();
        for (String id : ids) {
            ObjectNode site = assets.siteStructure(id);
            if (site != null) {
                site.putArray("children");
                sites.putIfAbsent(site.get("id").asText(), site);
            }
        }
        sites.values().forEach(children::add);
        ObjectNode data = Json.object();
        data.putArray("structures").add(root);
        return data;
    }

    // GET /app-portal-service/v2.0/asset/sync?orgId=
    private Object syncAssets(SimRequest request) {
        requireOrg(request.query("orgId"));
        return null;
    }

    // POST /app-portal-service/v2.1/asset/authorize/user/list
    private Object usersOfAsset(SimRequest request) {
        JsonNode body = request.jsonObject();
        requireOrg(Json.text(body, "orgId"));
        String assetId = Json.text(body, "assetId");
        if (assetId == null || assetId.isBlank()) {
            throw invalid("assetId");
        }
        if (!context.dataSet().assets().exists(assetId)) {
            throw ApiError.of(404, "asset.not.exist");
        }
        ArrayNode list = Json.array();
        users.all().stream().filter(u -> u.state() == 0 && users.canAccess(u, assetId))
                .forEach(u -> list.add(Json.object().put("id", u.id()).put("name", u.name())));
        return list;
    }

    // ---- applications and messages ---------------------------------------------------------------------------

    // POST /app-portal-service/v2.1/message/produce
    private Object produceMessages(SimRequest request) {
        JsonNode list = request.jsonObject().get("messages");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw invalid("messages");
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode m : list) {
            for (String field : List.of("messageId", "orgId", "accessKey", "produceTime", "zoneOffset", "authUnitId",
                    "callbackUrl", "actionName")) {
                if (m.get(field) == null || m.get(field).isNull() || m.get(field).asText().isBlank() && m.get(field).isTextual()) {
                    throw invalid(field);
                }
            }
            requireOrg(m.get("orgId").asText());
            if (!context.dataSet().assets().exists(m.get("authUnitId").asText())) {
                throw ApiError.of(404, "authUnit.not.exist");
            }
            String assetId = Json.text(m, "assetId");
            if (assetId != null && !assetId.isBlank() && !context.dataSet().assets().exists(assetId)) {
                throw ApiError.of(404, "asset.not.exist");
            }
            // create_message: state 0 = resolved, 1 = not resolved (the default)
            keys.add(m.get("accessKey").asText() + "/" + m.get("messageId").asText() + "/" + !"0".equals(Json.text(m, "state")));
        }
        for (String key : keys) {
            int cut = key.lastIndexOf('/');
            messages.put(key.substring(0, cut), Boolean.parseBoolean(key.substring(cut + 1)));
        }
        return null;
    }

    // POST /app-portal-service/v2.0/message/unresolved/list
    private Object unresolvedMessages(SimRequest request) {
        JsonNode body = request.jsonObject();
        String accessKey = Json.text(body, "accessKey");
        requireAccessKey(accessKey);
        requireOrg(Json.text(body, "orgId"));
        int[] page = page(body);
        TreeMap<String, Boolean> sorted = new TreeMap<>(messages);
        List<String> ids = sorted.entrySet().stream().filter(e -> e.getValue() && e.getKey().startsWith(accessKey + "/"))
                .map(e -> e.getKey().substring(accessKey.length() + 1)).toList();
        ObjectNode data = Json.object();
        data.putObject("pagination").put("total", ids.size()).put("currentPage", page[0]).put("limit", page[1]);
        ArrayNode list = data.putArray("ids");
        long from = (long) page[0] * page[1];
        for (long i = from; i < Math.min(ids.size(), from + page[1]); i++) {
            list.add(ids.get((int) i));
        }
        return data;
    }

    // POST /app-portal-service/v2.1/message/update
    private Object updateMessages(SimRequest request) {
        JsonNode list = request.jsonObject().get("messages");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw invalid("messages");
        }
        for (JsonNode m : list) {
            String key = Json.text(m, "accessKey") + "/" + Json.text(m, "messageId");
            String state = Json.text(m, "state");
            if (Json.text(m, "messageId") == null) {
                throw invalid("messageId");
            }
            if (Json.text(m, "accessKey") == null) {
                throw invalid("accessKey");
            }
            if (!"0".equals(state) && !"1".equals(state)) {
                throw invalid("state");
            }
            if (!messages.containsKey(key)) {
                throw ApiError.of(404, "message.not.exist");
            }
        }
        // update_messages: state 0 = not processed, 1 = processed
        list.forEach(m -> messages.put(Json.text(m, "accessKey") + "/" + Json.text(m, "messageId"),
                "0".equals(Json.text(m, "state"))));
        return null;
    }

    // GET /app-portal-service/v2.1/user/app/resource/info?accessKey=
    private Object menus(SimRequest request) {
        access(request);
        String accessKey = request.query("accessKey");
        requireAccessKey(accessKey);
        ObjectNode data = Json.object();
        data.putArray("permissions").add(Json.object().put("id", accessKey + "-p1").put("identifier", "asset.read")
                .put("name", "Read assets"));
        ArrayNode menus = data.putArray("menus");
        int order = 1;
        for (String[] m : new String[][] {{"overview", "Overview", "/overview"}, {"alarms", "Alarms", "/alarms"}}) {
            ObjectNode menu = menus.addObject().put("id", accessKey).put("identifier", m[0]).put("name", m[1])
                    .put("url", m[2]).put("displayOrder", order++).put("parentId", "");
            menu.putArray("children");
        }
        return data;
    }

    // GET /app-portal-service/v2.0/user/app/list
    private Object userApps(SimRequest request) {
        access(request);
        ObjectNode data = Json.object();
        ArrayNode apps = data.putArray("apps");
        app(apps, "sim-app-key", "Fleet Monitor", "Monitoring of the emulated fleet", 21, "Wind", 0);
        app(apps, "sim-energy-reports", "Energy Reports", "Energy reports of the emulated fleet", 22, "Solar", 1);
        return data;
    }

    private void app(ArrayNode apps, String id, String name, String description, int category, String categoryName,
                     int order) {
        ObjectNode app = apps.addObject();
        app.putObject("category").put("id", category).put("name", categoryName);
        app.put("createdTime", "2024-01-01 00:00:00").put("description", description).put("id", id)
                .put("identifier", id).put("isShortcut", false).put("name", name).put("order", order)
                .put("status", true).put("type", 0).put("url", "https://portal.sim.enos/" + id);
    }

    private static ObjectNode enumeration(String field, String... names) {
        ObjectNode data = Json.object();
        ArrayNode list = data.putArray(field);
        for (int i = 0; i < names.length; i += 2) {
            list.addObject().put("id", i / 2).putObject("name").put("default", names[i]).put("en_US", names[i])
                    .put("zh_CN", names[i + 1]);
        }
        return data;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** The live access token of the Authorization header ("Bearer x" or the bare token), else 31401. */
    private PortalSessions.Access access(SimRequest request) {
        return sessions.access(Users.bearer(request.header("authorization")))
                .orElseThrow(() -> ApiError.of(31401, "The provided access token is not valid."));
    }

    private static void requireAdmin(PortalSessions.Access access) {
        if (!access.user().admin()) {
            throw ApiError.of(31403, "OU administrator permission is required.");
        }
    }

    private void requireOrg(String orgId) {
        if (orgId == null || orgId.isBlank()) {
            throw invalid("orgId");
        }
        if (!orgId.equals(context.orgId())) {
            throw ApiError.of(403, "permission.denied");
        }
    }

    private static void requireAccessKey(String accessKey) {
        if (accessKey == null || accessKey.isBlank()) {
            throw invalid("accessKey");
        }
    }

    private Users.User userParam(JsonNode body) {
        String userId = Json.text(body, "userId");
        if (userId == null || userId.isBlank()) {
            throw invalid("userId");
        }
        return users.byId(userId).orElseThrow(() -> ApiError.of(404, "user.not.exist"));
    }

    private List<String> existingAssets(JsonNode raw, String field) {
        List<String> ids = idList(raw);
        if (ids.isEmpty()) {
            throw invalid(field);
        }
        for (String id : ids) {
            if (!context.dataSet().assets().exists(id)) {
                throw ApiError.of(404, "asset.not.exist");
            }
        }
        return ids;
    }

    /** Asset ids given as a JSON array or as one comma-separated text (the docs show both). */
    private static List<String> idList(JsonNode raw) {
        List<String> ids = new ArrayList<>();
        if (raw == null || raw.isNull()) {
            return ids;
        }
        if (raw.isArray()) {
            raw.forEach(n -> ids.add(n.asText().trim()));
        } else {
            ids.addAll(CommaSeparated.list(raw.asText()));
        }
        ids.replaceAll(String::trim);
        ids.removeIf(String::isEmpty);
        return ids;
    }

    /** [pageNo, pageSize] from {@code pagination} (or the body itself, as one sample sends it): from 0, 1000. */
    private static int[] page(JsonNode body) {
        JsonNode p = body.has("pagination") && body.get("pagination").isObject() ? body.get("pagination") : body;
        int pageNo = intField(p, "pageNo", 0);
        int pageSize = intField(p, "pageSize", DEFAULT_PAGE_SIZE);
        if (pageNo < 0) {
            throw invalid("pagination.pageNo");
        }
        if (pageSize < 1) {
            throw invalid("pagination.pageSize");
        }
        if (pageSize > MAX_PAGE_SIZE) {
            throw ApiError.of(415, "pagination.pageSize.out.range");
        }
        return new int[] {pageNo, pageSize};
    }

    private static int intField(JsonNode node, String field, int fallback) {
        String text = Json.text(node, field);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw invalid("pagination." + field);
        }
    }

    private static ObjectNode pagination(int[] page, long total) {
        return Json.object().put("totalElements", total).put("pageNo", page[0]).put("pageSize", page[1]);
    }

    private ObjectNode userPage(JsonNode body, String field, java.util.function.Function<Users.User, ObjectNode> view) {
        int[] page = page(body);
        List<Users.User> all = users.all();
        ObjectNode data = Json.object();
        data.set("pagination", pagination(page, all.size()));
        ArrayNode list = data.putArray(field);
        long from = (long) page[0] * page[1];
        for (long i = from; i < Math.min(all.size(), from + page[1]); i++) {
            list.add(view.apply(all.get((int) i)));
        }
        return data;
    }

    private ObjectNode userDto(Users.User u) {
        String created = TIME.format(Instant.ofEpochMilli(io.camelenos.simulator.data.DataSet.EPOCH_MILLIS - 86_400_000L));
        return Json.object().put("id", u.id()).put("name", u.name()).put("domain", u.ldapLink() == null ? "" : u.ldapLink())
                .put("description", "").put("nickName", "").put("phoneArea", "").put("phone", "")
                .put("email", u.email()).put("createdTime", created).put("joinTime", created)
                .put("type", u.ldapLink() == null ? 0 : 1);
    }

    private ObjectNode apiUser(Users.User u) {
        return Json.object().put("userId", u.id()).put("email", u.email()).put("phone", "").put("phoneArea", "")
                .put("name", u.name());
    }

    private ObjectNode orgRef() {
        return Json.object().put("id", context.orgId()).put("name", users.orgName());
    }

    private static ApiError invalid(String name) {
        return ApiError.of(400, "parameter.invalid." + name);
    }
}
