package io.camelenos.simulator.appportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.iam.Users;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The assets each user may see: authorize, check, list, tree and structure, and the users of an asset. */
final class AssetHandlers {

    private final SimContext context;
    private final Users users;
    private final PortalChecks checks;
    private final PortalAssets assets;

    AssetHandlers(SimContext context, Users users, PortalChecks checks, PortalAssets assets) {
        this.context = context;
        this.users = users;
        this.checks = checks;
        this.assets = assets;
    }

    // POST /app-portal-service/v2.0/asset/append
    Object authorizeAsset(SimRequest request) {
        JsonNode body = request.jsonObject();
        Users.User user = checks.userParam(body);
        checks.requireOrg(Json.text(body, "orgId"));
        List<String> ids = checks.existingAssets(body.get("assetIds"), "assetIds");
        users.grant(user, ids);
        return true;
    }

    // POST /app-portal-service/v2.0/user/authorization/asset/check
    Object checkAssets(SimRequest request) {
        Users.User user = checks.access(request).user();
        List<String> ids = PortalChecks.idList(request.jsonObject().get("assetIds"));
        if (ids.isEmpty()) {
            throw PortalChecks.invalid("assetIds");
        }
        return ids.stream().allMatch(id -> users.canAccess(user, id));
    }

    // GET /app-portal-service/v2.1/user/app/asset/tree?accessKey=
    Object assetTree(SimRequest request) {
        Users.User user = checks.access(request).user();
        PortalChecks.requireAccessKey(request.query("accessKey"));
        return assets.treeFor(user);
    }

    // POST /app-portal-service/v2.0/user/asset/list
    Object assetsOfUser(SimRequest request) {
        JsonNode body = request.jsonObject();
        Users.User user = checks.userParam(body);
        checks.requireOrg(Json.text(body, "orgId"));
        int[] page = PortalChecks.page(body);
        ObjectNode data = Json.object();
        data.set("pagination", PortalViews.pagination(page, assets.countFor(user)));
        ArrayNode list = data.putArray("assets");
        assets.pageFor(user, page[0], page[1]).forEach(list::add);
        return data;
    }

    // GET /app-portal-service/v2.1/asset/structure?assetIds=
    Object assetStructure(SimRequest request) {
        checks.access(request);
        String raw = request.query("assetIds") != null ? request.query("assetIds") : request.query("assetId");
        List<String> ids = checks.existingAssets(raw == null ? null : Json.NODES.textNode(raw), "assetIds");
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
    Object syncAssets(SimRequest request) {
        checks.requireOrg(request.query("orgId"));
        return null;
    }

    // POST /app-portal-service/v2.1/asset/authorize/user/list
    Object usersOfAsset(SimRequest request) {
        JsonNode body = request.jsonObject();
        checks.requireOrg(Json.text(body, "orgId"));
        String assetId = Json.text(body, "assetId");
        if (assetId == null || assetId.isBlank()) {
            throw PortalChecks.invalid("assetId");
        }
        if (!context.dataSet().assets().exists(assetId)) {
            throw ApiError.of(404, "asset.not.exist");
        }
        ArrayNode list = Json.array();
        users.all().stream().filter(u -> u.state() == 0 && users.canAccess(u, assetId))
                .forEach(u -> list.add(Json.object().put("id", u.id()).put("name", u.name())));
        return list;
    }
}
