package io.camelenos.simulator.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.http.Reply;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.query.Expression;
import io.camelenos.simulator.query.FieldResolver;
import io.camelenos.simulator.query.Paging;
import io.camelenos.simulator.query.Projection;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Event Service v2.1 alerts (reference 4.5 a): search, aggregate, create, close, delete and re-tag active alerts;
 * search, create and re-tag history alerts. The alerts are those of the shared {@link AlertBook}.
 */
public final class EventAlertService implements SimService {

    static final String ACTIVE = "/event-service/v2.1/active-alerts";
    static final String HISTORY = "/event-service/v2.1/history-alerts";
    /** Largest page of an alert search (the docs give only the default, 10). */
    static final int MAX_PAGE_SIZE = 1000;
    static final Set<String> FIELDS = Set.of("modelId", "assetId", "measurepointId", "hitRuleId", "severityId",
            "typeId", "subTypeId", "contentId", "eventType", "eventId", "tag", "tag.*", "tags.*", "deviceStatus",
            "assetPath");
    static final Set<String> GROUP_BY = Set.of("contentId", "assetId", "modelId", "measurepointId", "severityId",
            "typeId", "subTypeId");
    /** {@code assetPath} matches any of the alert's paths; {@code tags.x} is read as {@code tag.x}. */
    static final FieldResolver RESOLVER = ((FieldResolver) (record, field) -> {
        if (field.equals("assetPath")) {
            return FieldResolver.followPath(record, "assetPaths");
        }
        if (field.startsWith("tags.")) {
            return FieldResolver.followPath(record, "tag." + field.substring(5));
        }
        return null;
    }).orElse(FieldResolver.JSON_PATH);

    private AlertBook book;

    @Override
    public void register(Router router, SimContext context) {
        book = context.shared(AlertBook.class, AlertBook::new);
        router.path(ACTIVE, Envelope.DM)
                .action("search", "POST", r -> search(r, true))
                .action("aggregate", "POST", this::aggregate)
                .action("create", "POST", r -> create(r, true))
                .action("batchCreate", "POST", r -> batchCreate(r, true))
                .action("delete", "POST", this::delete)
                .action("close", "POST", this::close)
                .action("updateTags", "POST", r -> updateTags(r, true))
                .action("batchUpdateTags", "POST", this::batchUpdateTags);
        router.path(HISTORY, Envelope.DM)
                .action("search", "POST", r -> search(r, false))
                .action("create", "POST", r -> create(r, false))
                .action("batchCreate", "POST", r -> batchCreate(r, false))
                .action("updateTags", "POST", r -> updateTags(r, false));
    }

    // POST /event-service/v2.1/{active|history}-alerts?action=search&orgId= , body {modelId, assetId, measurepointId,
    // startOccurTime, endOccurTime, expression, scope | rootAlert, pagination}
    private Object search(SimRequest request, boolean active) {
        ObjectNode body = request.jsonObject();
        Paging paging = Paging.from(body, 10, MAX_PAGE_SIZE, false);
        Projection projection = Projection.from(body);
        AlertFilter filter = filter(body, active);
        Predicate<JsonNode> expression = Expression.parse(Json.text(body, "expression"), FIELDS, RESOLVER);
        return sortedByOccurTime(page(book.snapshot(), filter, expression, paging, projection, book::eventJson),
                "eventId");
    }

    /**
     * One page of alerts. Without an expression only the page's alerts are turned into JSON (the others are only
     * counted); with one, every alert that passes the filter is, since the expression reads the JSON.
     */
    static Reply page(List<Alert> alerts, Predicate<Alert> filter, Predicate<JsonNode> expression, Paging paging,
                      Projection projection, java.util.function.Function<Alert, ObjectNode> view) {
        if (expression != Expression.ALL) {
            Paging.Collector collector = paging.collector(expression, projection);
            for (Alert alert : alerts) {
                if (filter.test(alert)) {
                    collector.accept(view.apply(alert));
                }
            }
            return collector.reply();
        }
        ArrayNode items = Json.array();
        long matched = 0;
        for (Alert alert : alerts) {
            if (filter.test(alert)) {
                if (matched >= paging.offset() && matched < paging.offset() + paging.pageSize()) {
                    items.add(Projection.apply(projection, view.apply(alert)));
                }
                matched++;
            }
        }
        return Reply.page(items, paging.toJson(matched));
    }

    /** EnOS names the fixed order of alert searches in {@code sortedBy}: occurTime then the id, both descending. */
    static Reply sortedByOccurTime(Reply reply, String idField) {
        ArrayNode sortedBy = reply.pagination().putArray("sortedBy");
        sortedBy.addObject().put("field", "occurTime").put("order", "DESC");
        sortedBy.addObject().put("field", idField).put("order", "DESC");
        return reply;
    }

    private AlertFilter filter(ObjectNode body, boolean active) {
        AlertFilter filter = new AlertFilter(book);
        filter.active = active;
        filter.assetId = Json.text(body, "assetId");
        filter.modelId = Json.text(body, "modelId");
        filter.pointId = Json.text(body, "measurepointId") != null ? Json.text(body, "measurepointId")
                : Json.text(body, "measurepointsId");
        filter.occurBounds(body, "startOccurTime", "endOccurTime", !active);
        if (!active) {
            filter.recoverBounds(body, "recoverStartTime", "recoverEndTime");
            filter.horizon = book.now() - AlertFilter.HORIZON_MILLIS;
        }
        filter.extra = scope(body);
        return filter;
    }

    /** {@code scope {treeId, fromAssetId, includeDerivative}} or {@code rootAlert {treeId, rootAlertId}}, not both. */
    private Predicate<Alert> scope(ObjectNode body) {
        JsonNode scope = body.get("scope");
        JsonNode root = body.get("rootAlert");
        boolean hasScope = scope != null && !scope.isNull();
        boolean hasRoot = root != null && !root.isNull();
        if (hasScope && hasRoot) {
            throw ApiError.invalidArgument("scope", "scope and rootAlert cannot be used together");
        }
        if (hasRoot) {
            if (Json.text(root, "rootAlertId") == null) {
                throw ApiError.missing("rootAlert.rootAlertId");
            }
            // No rule of the emulator masks alerts, so no alert is derived from a root alert.
            return a -> false;
        }
        if (!hasScope) {
            return a -> true;
        }
        String treeId = Json.text(scope, "treeId");
        if (treeId == null || treeId.isBlank()) {
            throw ApiError.missing("scope.treeId");
        }
        String from = Json.text(scope, "fromAssetId");
        book.trees().check(treeId, from);
        return a -> book.trees().contains(treeId, from, a.assetId);
    }

    // POST /event-service/v2.1/active-alerts?action=aggregate&orgId= , body {groupByField, expression, start/endOccurTime}
    private Object aggregate(SimRequest request) {
        ObjectNode body = request.jsonObject();
        String groupBy = Json.text(body, "groupByField");
        if (groupBy == null || groupBy.isBlank()) {
            throw ApiError.missing("groupByField");
        }
        if (!GROUP_BY.contains(groupBy)) {
            throw ApiError.invalidArgument("groupByField", groupBy + " is not one of " + new java.util.TreeSet<>(GROUP_BY));
        }
        AlertFilter filter = new AlertFilter(book);
        filter.active = true;
        filter.occurBounds(body, "startOccurTime", "endOccurTime", false);
        Predicate<JsonNode> expression = Expression.parse(Json.text(body, "expression"), FIELDS, RESOLVER);
        Map<String, Integer> counts = new TreeMap<>();
        for (Alert alert : book.snapshot()) {
            if (filter.test(alert)) {
                ObjectNode json = book.eventJson(alert);
                if (expression.test(json) && json.hasNonNull(groupBy)) {
                    counts.merge(json.get(groupBy).asText(), 1, Integer::sum);
                }
            }
        }
        ObjectNode data = Json.object();
        counts.forEach(data::put);
        return data;
    }

    // POST /event-service/v2.1/{active|history}-alerts?action=create&orgId= , body {activeAlert | historyAlert: {...}}
    private Object create(SimRequest request, boolean active) {
        String field = active ? "activeAlert" : "historyAlert";
        JsonNode node = request.jsonObject().get(field);
        if (node == null || !node.isObject()) {
            throw ApiError.missing(field);
        }
        return book.create(parse((ObjectNode) node, field, active));
    }

    // POST /event-service/v2.1/{active|history}-alerts?action=batchCreate&orgId= , body {activeAlert(List) | historyAlert(List): [...]}
    private Object batchCreate(SimRequest request, boolean active) {
        String field = active ? "activeAlert" : "historyAlert";
        ObjectNode body = request.jsonObject();
        JsonNode list = firstArray(body, field, field + "List", field + "s");
        if (list == null) {
            throw ApiError.missing(field);
        }
        List<Alert> parsed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                if (!list.get(i).isObject()) {
                    throw ApiError.invalidArgument(field + "[" + i + "]", "an object is expected");
                }
                parsed.add(parse((ObjectNode) list.get(i), field + "[" + i + "]", active));
                errors.add(null);
            } catch (ApiError e) {
                parsed.add(null);
                errors.add(e.msg());
            }
        }
        return batchReply(request, parsed, errors);
    }

    /** As the docs say, one invalid alert means none is created; each item says why it failed. */
    static Reply batchReply(SimRequest request, List<Alert> parsed, List<String> errors,
                            java.util.function.Function<Alert, String> store) {
        boolean allValid = errors.stream().allMatch(e -> e == null);
        ArrayNode items = Json.array();
        int success = 0;
        for (int i = 0; i < parsed.size(); i++) {
            ObjectNode item = items.addObject();
            if (allValid) {
                item.put("code", 0).put("msg", "format right").put("data", store.apply(parsed.get(i)));
                success++;
            } else {
                String why = errors.get(i) != null ? errors.get(i) : "not created: another alert of the batch is invalid";
                item.put("code", -1).put("msg", errors.get(i) != null ? "format wrong" : "not created").put("data", why);
            }
        }
        ObjectNode envelope = Envelope.DM.success(request.requestId(), items);
        envelope.put("successSize", success).put("totalSize", parsed.size());
        return Reply.raw(200, envelope);
    }

    private Reply batchReply(SimRequest request, List<Alert> parsed, List<String> errors) {
        return batchReply(request, parsed, errors, book::create);
    }

    static JsonNode firstArray(ObjectNode body, String... names) {
        for (String name : names) {
            JsonNode node = body.get(name);
            if (node != null && node.isArray()) {
                return node;
            }
        }
        return null;
    }

    /** An alert of a create request: the asset must exist and be of the model; a point or a device status is the trigger. */
    private Alert parse(ObjectNode node, String field, boolean active) {
        Alert a = new Alert();
        a.assetId = required(node, "assetId", field);
        a.modelId = required(node, "modelId", field);
        ObjectNode asset = book.asset(a.assetId)
                .orElseThrow(() -> ApiError.notFound(field + ".assetId " + a.assetId));
        if (!a.modelId.equals(asset.path("modelId").asText())) {
            throw ApiError.invalidArgument(field + ".modelId", "asset " + a.assetId + " is of model "
                    + asset.path("modelId").asText() + ", not " + a.modelId);
        }
        ThingModel model = ThingModels.byId(a.modelId);
        a.modelIdPath = Json.text(node, "modelIdPath") != null ? Json.text(node, "modelIdPath")
                : asset.path("modelIdPath").asText("/" + a.modelId);
        a.measurepointId = Json.text(node, "measurepointId");
        a.deviceStatus = Json.text(node, "deviceStatus");
        if (a.measurepointId == null && a.deviceStatus == null) {
            throw ApiError.invalidArgument(field + ".measurepointId", "either measurepointId or deviceStatus is required");
        }
        if (a.measurepointId != null && model != null && model.point(a.measurepointId) == null) {
            throw ApiError.invalidArgument(field + ".measurepointId", "model " + a.modelId + " has no measure point "
                    + a.measurepointId);
        }
        if (!node.has("value")) {
            throw ApiError.missing(field + ".value");
        }
        a.value = node.get("value").deepCopy();
        a.occurTime = requiredMillis(node, "occurTime", field);
        a.localOccurTime = Json.text(node, "localOccurTime");
        a.severityId = Json.text(node, "severityId");
        a.typeId = Json.text(node, "typeId");
        a.subTypeId = Json.text(node, "subTypeId");
        a.contentId = Json.text(node, "contentId");
        a.ruleId = Json.text(node, "hitRuleId");
        a.descs = Json.object();
        for (String desc : List.of("severityDesc", "typeDesc", "subTypeDesc", "contentDesc", "ruleDesc")) {
            if (node.hasNonNull(desc)) {
                a.descs.set(desc, node.get(desc).deepCopy());
            }
        }
        a.tags = AlertFilter.tags(node.has("tags") ? node.get("tags") : node.get("tag"), field + ".tags");
        a.eventType = Alert.API_INSERTED;
        if (!active) {
            a.recoverTime = requiredMillis(node, "recoverTime", field);
            if (a.recoverTime < a.occurTime) {
                throw ApiError.invalidArgument(field + ".recoverTime", "recoverTime is before occurTime");
            }
            a.localRecoverTime = Json.text(node, "localRecoverTime");
            a.recoverReason = Json.text(node, "recoverReason");
        }
        return a;
    }

    static String required(JsonNode node, String name, String field) {
        String value = Json.text(node, name);
        if (value == null || value.isBlank()) {
            throw ApiError.missing(field + "." + name);
        }
        return value;
    }

    static long requiredMillis(JsonNode node, String name, String field) {
        Long millis = AlertTimes.millis(field + "." + name, Json.text(node, name));
        if (millis == null) {
            throw ApiError.missing(field + "." + name);
        }
        return millis;
    }

    // POST /event-service/v2.1/active-alerts?action=delete&orgId=&eventId=
    private Object delete(SimRequest request) {
        book.delete(request.requireParam("eventId"));
        return null;
    }

    // POST /event-service/v2.1/active-alerts?action=close&orgId= , eventId, recoverTime, localRecoverTime,
    // recoverReason in the body (docs) or the query (POJO)
    private Object close(SimRequest request) {
        String eventId = request.requireParam("eventId");
        Long recoverTime = AlertTimes.millis("recoverTime", request.param("recoverTime"));
        if (recoverTime == null) {
            throw ApiError.missing("recoverTime");
        }
        book.close(eventId, recoverTime, request.param("localRecoverTime"), request.param("recoverReason"));
        return null;
    }

    // POST /event-service/v2.1/{active|history}-alerts?action=updateTags&orgId=&isPatchUpdate= , body {eventId, tags}
    private Object updateTags(SimRequest request, boolean active) {
        String eventId = request.requireParam("eventId");
        book.updateTags(eventId, active, requireTags(request), patch(request));
        return null;
    }

    // POST /event-service/v2.1/active-alerts?action=batchUpdateTags&orgId=&isPatchUpdate= , body {eventIds, tags}
    private Object batchUpdateTags(SimRequest request) {
        JsonNode ids = request.jsonObject().get("eventIds");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw ApiError.missing("eventIds");
        }
        ObjectNode tags = requireTags(request);
        boolean patch = patch(request);
        List<String> list = new ArrayList<>();
        ids.forEach(id -> list.add(id.asText()));
        book.updateTags(list, true, tags, patch);
        return null;
    }

    static ObjectNode requireTags(SimRequest request) {
        JsonNode tags = request.jsonObject().get("tags");
        if (tags == null || tags.isNull()) {
            throw ApiError.missing("tags");
        }
        return AlertFilter.tags(tags, "tags");
    }

    /** {@code isPatchUpdate} from the query (docs) or the body (samples); false (full replace) when absent. */
    static boolean patch(SimRequest request) {
        String value = request.param("isPatchUpdate");
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiError.invalidArgument("isPatchUpdate", "true or false expected, was " + value);
        }
        return Boolean.parseBoolean(value);
    }
}
