package io.camelenos.simulator.appportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Application messages (produce, list the unresolved, resolve), the menus and the user's applications. */
final class MessageHandlers {

    private final SimContext context;
    private final PortalChecks checks;
    /** Messages by accessKey + "/" + messageId: true while unresolved. */
    private final Map<String, Boolean> messages = new ConcurrentHashMap<>();

    MessageHandlers(SimContext context, PortalChecks checks) {
        this.context = context;
        this.checks = checks;
    }

    // POST /app-portal-service/v2.1/message/produce
    Object produceMessages(SimRequest request) {
        JsonNode list = request.jsonObject().get("messages");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw PortalChecks.invalid("messages");
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode m : list) {
            for (String field : List.of("messageId", "orgId", "accessKey", "produceTime", "zoneOffset", "authUnitId",
                    "callbackUrl", "actionName")) {
                if (m.get(field) == null || m.get(field).isNull() || m.get(field).asText().isBlank() && m.get(field).isTextual()) {
                    throw PortalChecks.invalid(field);
                }
            }
            checks.requireOrg(m.get("orgId").asText());
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
    Object unresolvedMessages(SimRequest request) {
        JsonNode body = request.jsonObject();
        String accessKey = Json.text(body, "accessKey");
        PortalChecks.requireAccessKey(accessKey);
        checks.requireOrg(Json.text(body, "orgId"));
        int[] page = PortalChecks.page(body);
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
    Object updateMessages(SimRequest request) {
        JsonNode list = request.jsonObject().get("messages");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw PortalChecks.invalid("messages");
        }
        for (JsonNode m : list) {
            String key = Json.text(m, "accessKey") + "/" + Json.text(m, "messageId");
            String state = Json.text(m, "state");
            if (Json.text(m, "messageId") == null) {
                throw PortalChecks.invalid("messageId");
            }
            if (Json.text(m, "accessKey") == null) {
                throw PortalChecks.invalid("accessKey");
            }
            if (!"0".equals(state) && !"1".equals(state)) {
                throw PortalChecks.invalid("state");
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
    Object menus(SimRequest request) {
        checks.access(request);
        String accessKey = request.query("accessKey");
        PortalChecks.requireAccessKey(accessKey);
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
    Object userApps(SimRequest request) {
        checks.access(request);
        ObjectNode data = Json.object();
        ArrayNode apps = data.putArray("apps");
        app(apps, "sim-app-key", "Fleet Monitor", "Monitoring of the emulated fleet", 21, "Wind", 0);
        app(apps, "sim-energy-reports", "Energy Reports", "Energy reports of the emulated fleet", 22, "Solar", 1);
        return data;
    }

    void app(ArrayNode apps, String id, String name, String description, int category, String categoryName,
                     int order) {
        ObjectNode app = apps.addObject();
        app.putObject("category").put("id", category).put("name", categoryName);
        app.put("createdTime", "2024-01-01 00:00:00").put("description", description).put("id", id)
                .put("identifier", id).put("isShortcut", false).put("name", name).put("order", order)
                .put("status", true).put("type", 0).put("url", "https://portal.sim.enos/" + id);
    }
}
