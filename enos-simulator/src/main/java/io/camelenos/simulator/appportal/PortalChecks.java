package io.camelenos.simulator.appportal;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.iam.Users;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.CommaSeparated;
import io.camelenos.simulator.wire.Json;

import java.util.ArrayList;
import java.util.List;

/** The portal's checks of what a call gives: the bearer token (31401), admin rights (31403), orgId, accessKey, userId, asset ids, pages (400 {@code parameter.invalid.<name>}, 404, 415). */
final class PortalChecks {

    private static final int DEFAULT_PAGE_SIZE = 1000;
    private static final int MAX_PAGE_SIZE = 10_000;

    private final SimContext context;
    private final Users users;
    private final PortalSessions sessions;

    PortalChecks(SimContext context, Users users, PortalSessions sessions) {
        this.context = context;
        this.users = users;
        this.sessions = sessions;
    }

    /** The live access token of the Authorization header ("Bearer x" or the bare token), else 31401. */
    PortalSessions.Access access(SimRequest request) {
        return sessions.access(Users.bearer(request.header("authorization")))
                .orElseThrow(() -> ApiError.of(31401, "The provided access token is not valid."));
    }

    static void requireAdmin(PortalSessions.Access access) {
        if (!access.user().admin()) {
            throw ApiError.of(31403, "OU administrator permission is required.");
        }
    }

    void requireOrg(String orgId) {
        if (orgId == null || orgId.isBlank()) {
            throw invalid("orgId");
        }
        if (!orgId.equals(context.orgId())) {
            throw ApiError.of(403, "permission.denied");
        }
    }

    static void requireAccessKey(String accessKey) {
        if (accessKey == null || accessKey.isBlank()) {
            throw invalid("accessKey");
        }
    }

    Users.User userParam(JsonNode body) {
        String userId = Json.text(body, "userId");
        if (userId == null || userId.isBlank()) {
            throw invalid("userId");
        }
        return users.byId(userId).orElseThrow(() -> ApiError.of(404, "user.not.exist"));
    }

    List<String> existingAssets(JsonNode raw, String field) {
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
    static List<String> idList(JsonNode raw) {
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
    static int[] page(JsonNode body) {
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

    static int intField(JsonNode node, String field, int fallback) {
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

    static ApiError invalid(String name) {
        return ApiError.of(400, "parameter.invalid." + name);
    }
}
