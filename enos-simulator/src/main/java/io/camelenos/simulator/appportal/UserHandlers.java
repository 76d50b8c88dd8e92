package io.camelenos.simulator.appportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.iam.Users;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

/** The org's users as the portal shows them: the caller, organizations, rosters, domains and structures. */
final class UserHandlers {

    private final SimContext context;
    private final Users users;
    private final PortalChecks checks;
    private final PortalViews views;
    private final PortalAssets assets;

    UserHandlers(SimContext context, Users users, PortalChecks checks, PortalViews views, PortalAssets assets) {
        this.context = context;
        this.users = users;
        this.checks = checks;
        this.views = views;
        this.assets = assets;
    }

    // GET /app-portal-service/v2.0/user/info
    Object userInfo(SimRequest request) {
        return views.userDto(checks.access(request).user());
    }

    // GET /app-portal-service/v2.0/user/organization/list
    Object organizationList(SimRequest request) {
        checks.access(request);
        ObjectNode data = Json.object();
        data.putArray("organizations").add(views.orgRef());
        return data;
    }

    // POST /app-portal-service/v2.0/organization/user/list
    Object manageableUsers(SimRequest request) {
        PortalChecks.requireAdmin(checks.access(request));
        return views.userPage(request.jsonObject(), "users", u -> views.userDto(u).put("exists", true));
    }

    // POST /app-portal-service/v2.0/user/organization/roster
    Object roster(SimRequest request) {
        JsonNode body = request.jsonObject();
        checks.requireOrg(Json.text(body, "orgId"));
        return views.userPage(body, "users", views::apiUser);
    }

    // POST /app-portal-service/v2.2/user/list
    Object appUsers(SimRequest request) {
        PortalChecks.requireAdmin(checks.access(request));
        return views.userPage(request.jsonObject(), "users", views::apiUser);
    }

    // GET /app-portal-service/v2.2/user/domain?email=
    Object userDomain(SimRequest request) {
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
    Object userStructures(SimRequest request) {
        Users.User user = checks.access(request).user();
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
}
