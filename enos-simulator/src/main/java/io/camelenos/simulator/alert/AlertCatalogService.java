package io.camelenos.simulator.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.query.Expression;
import io.camelenos.simulator.query.Paging;
import io.camelenos.simulator.query.Projection;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Event Service v2.1 alert severities, types, contents and rules (reference 4.5 a): create, update, delete and
 * search each, and get a content. Searches page 10 by default, newest update first; sorters name any field.
 */
public final class AlertCatalogService implements SimService {

    static final String SEVERITIES = "/event-service/v2.1/alert-severities";
    static final String TYPES = "/event-service/v2.1/alert-types";
    static final String CONTENTS = "/event-service/v2.1/alert-contents";
    static final String RULES = "/event-service/v2.1/alert-rules";
    static final int MAX_PAGE_SIZE = 1000;

    private AlertCatalog catalog;
    private CatalogViews views;
    private TreeScope trees;

    @Override
    public void register(Router router, SimContext context) {
        AlertBook book = context.shared(AlertBook.class, AlertBook::new);
        catalog = book.catalog();
        views = new CatalogViews(catalog);
        trees = book.trees();
        crud(router, SEVERITIES, AlertCatalog.Kind.SEVERITY, "severityId");
        crud(router, TYPES, AlertCatalog.Kind.TYPE, "alertTypeId");
        // delete content: the docs name the parameter alertContentId; contentId (the id field) is accepted too
        crud(router, CONTENTS, AlertCatalog.Kind.CONTENT, "alertContentId");
        crud(router, RULES, AlertCatalog.Kind.RULE, "ruleId");
        // The Search Alert Type doc's path; its own sample (and the POJO) use the plain path, so both are served.
        router.path(TYPES + "/search", Envelope.DM).action("search", "POST", r -> search(r, AlertCatalog.Kind.TYPE));
        // get content: GET in the docs, POST from EnOS's Java SDK; both are served
        router.path(CONTENTS, Envelope.DM).action("get", "GET", this::getContent).action("get", "POST", this::getContent);
    }

    private void crud(Router router, String path, AlertCatalog.Kind kind, String deleteParam) {
        router.path(path, Envelope.DM)
                .action("create", "POST", r -> create(r, kind))
                .action("update", "POST", r -> update(r, kind))
                .action("delete", "POST", r -> delete(r, kind, deleteParam))
                .action("search", "POST", r -> search(r, kind));
    }

    // POST /event-service/v2.1/{alert-severities|alert-types|alert-contents|alert-rules}?action=create&orgId= ,
    // body {severity | alertType | alertContent | alertRule: {...}} (a rule's fields may also be at the top: the SDK)
    private Object create(SimRequest request, AlertCatalog.Kind kind) {
        catalog.create(kind, validated(kind, object(request, kind), false));
        return null;
    }

    // POST ...?action=update&orgId=&isPatchUpdate= , body as create
    private Object update(SimRequest request, AlertCatalog.Kind kind) {
        boolean patch = EventAlertService.patch(request);
        ObjectNode change = object(request, kind);
        if (!catalog.exists(kind, change.path(kind.idField).asText(null))) {
            EventAlertService.required(change, kind.idField, kind.bodyField);
            throw ApiError.notFound(kind.idField + " " + change.get(kind.idField).asText());
        }
        catalog.update(kind, validated(kind, change, patch), patch);
        return null;
    }

    // POST ...?action=delete&orgId=&{severityId|alertTypeId|alertContentId|ruleId}=
    private Object delete(SimRequest request, AlertCatalog.Kind kind, String param) {
        String id = request.param(param);
        if (id == null && !param.equals(kind.idField)) {
            id = request.param(kind.idField);
        }
        if (id == null || id.isBlank()) {
            throw ApiError.missing(param);
        }
        catalog.delete(kind, id);
        return null;
    }

    // GET|POST /event-service/v2.1/alert-contents?action=get&orgId=&contentId=
    private Object getContent(SimRequest request) {
        String id = request.requireParam("contentId");
        ObjectNode content = catalog.get(AlertCatalog.Kind.CONTENT, id);
        if (content == null) {
            throw ApiError.notFound("contentId " + id);
        }
        return views.content(content);
    }

    // POST ...?action=search&orgId= , body {expression, pagination, projection}; contents also {modelId, alertTypeId,
    // subAlertTypeId}, rules also {modelId, measurepointId}: filters ANDed with the expression
    private Object search(SimRequest request, AlertCatalog.Kind kind) {
        ObjectNode body = request.jsonObject();
        Paging paging = Paging.from(body, 10, MAX_PAGE_SIZE, true);
        Projection projection = Projection.from(body);
        Predicate<JsonNode> expression = Expression.parse(Json.text(body, "expression"), fields(kind));
        Predicate<ObjectNode> filters = filters(kind, body);
        List<ObjectNode> all = catalog.all(kind);
        all.sort(order(kind, paging.sorters()));
        Paging.Collector collector = paging.collector(n -> true, projection);
        for (ObjectNode stored : all) {
            if (filters.test(stored) && expression.test(stored)) {
                collector.accept(views.view(kind, stored));
            }
        }
        return collector.reply();
    }

    /** The documented body filters of the content and rule searches (each optional; an absent one matches all). */
    private Predicate<ObjectNode> filters(AlertCatalog.Kind kind, ObjectNode body) {
        String modelId = Json.text(body, "modelId");
        Predicate<ObjectNode> byModel = n -> modelId == null || modelId.equals(n.path("modelId").asText());
        return switch (kind) {
            case CONTENT -> {
                String typeId = Json.text(body, "alertTypeId");
                String subTypeId = Json.text(body, "subAlertTypeId");
                yield byModel.and(n -> {
                    String[] types = views.typeIds(n);
                    return (typeId == null || typeId.equals(types[0])) && (subTypeId == null || subTypeId.equals(types[1]));
                });
            }
            case RULE -> {
                String pointId = Json.text(body, "measurepointId");
                yield byModel.and(n -> pointId == null || pointId.equals(n.path("measurepointId").asText()));
            }
            case SEVERITY, TYPE -> n -> true;
        };
    }

    private static Set<String> fields(AlertCatalog.Kind kind) {
        return switch (kind) {
            case SEVERITY -> Set.of("severityId", "tags.*");
            case TYPE -> Set.of("typeId", "parentTypeId", "tags.*");
            case CONTENT -> Set.of("contentId", "modelId", "alertTypeId", "tags.*");
            case RULE -> Set.of("ruleId", "modelId", "measurepointId", "severityId", "contentId", "isEnabled", "tags.*");
        };
    }

    /** updateTime descending then id by default; else the sorters' fields (text order), 99400 for unknown fields. */
    private static Comparator<ObjectNode> order(AlertCatalog.Kind kind, JsonNode sorters) {
        Comparator<ObjectNode> byId = Comparator.comparing(n -> n.path(kind.idField).asText());
        if (sorters == null) {
            return Comparator.comparingLong((ObjectNode n) -> n.path("updateTime").asLong()).reversed().thenComparing(byId);
        }
        Comparator<ObjectNode> result = null;
        for (JsonNode sorter : sorters) {
            String field = sorter.path("field").asText();
            if (!fields(kind).contains(field) && !field.equals("updateTime")) {
                throw ApiError.invalidArgument("pagination.sorters", "cannot sort by " + field);
            }
            Comparator<ObjectNode> one = Comparator.comparing((ObjectNode n) -> n.path(field).asText(""));
            if ("DESC".equalsIgnoreCase(sorter.path("order").asText("ASC"))) {
                one = one.reversed();
            }
            result = result == null ? one : result.thenComparing(one);
        }
        return result == null ? byId : result.thenComparing(byId);
    }

    private static ObjectNode object(SimRequest request, AlertCatalog.Kind kind) {
        ObjectNode body = request.jsonObject();
        JsonNode node = body.get(kind.bodyField);
        if (node == null && kind == AlertCatalog.Kind.TYPE) {
            node = body.get("type");
        }
        if (node == null && kind == AlertCatalog.Kind.RULE && body.has("ruleId")) {
            // EnOS's Java SDK sends the rule's fields at the top of the body, with no alertRule around them
            ObjectNode topLevel = body.deepCopy();
            topLevel.remove(List.of("action", "orgId", "isPatchUpdate"));
            node = topLevel;
        }
        if (node == null || !node.isObject()) {
            throw ApiError.missing(kind.bodyField);
        }
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        if (kind == AlertCatalog.Kind.CONTENT && !copy.has("alertTypeId") && copy.has("typeId")) {
            copy.set("alertTypeId", copy.remove("typeId"));
        }
        return copy;
    }

    /** The documented checks: mandatory fields, and the ids a content or rule refers to must exist. */
    private ObjectNode validated(AlertCatalog.Kind kind, ObjectNode node, boolean patch) {
        String f = kind.bodyField;
        EventAlertService.required(node, kind.idField, f);
        if (node.has("tags")) {
            node.set("tags", AlertFilter.tags(node.get("tags"), f + ".tags"));
        }
        List<String> mandatory = switch (kind) {
            case SEVERITY -> List.of("severityDesc");
            case TYPE -> List.of("typeDesc");
            case CONTENT -> List.of("contentDesc", "modelId", "alertTypeId");
            case RULE -> List.of("ruleDesc", "modelId", "measurepointId", "condition", "severityId", "contentId");
        };
        for (String field : mandatory) {
            if (!patch && !node.hasNonNull(field)) {
                throw ApiError.missing(f + "." + field);
            }
        }
        if (kind == AlertCatalog.Kind.RULE && !patch && !node.hasNonNull("scope")) {
            throw ApiError.missing(f + ".scope");
        }
        String parent = Json.text(node, "parentTypeId");
        if (kind == AlertCatalog.Kind.TYPE && parent != null && !catalog.exists(AlertCatalog.Kind.TYPE, parent)) {
            throw ApiError.invalidArgument(f + ".parentTypeId", "alert type " + parent + " does not exist");
        }
        ThingModel model = null;
        if (node.hasNonNull("modelId")) {
            model = ThingModels.byId(node.get("modelId").asText());
            if (model == null) {
                throw ApiError.invalidArgument(f + ".modelId", "model " + node.get("modelId").asText() + " does not exist");
            }
        }
        refers(node, "alertTypeId", AlertCatalog.Kind.TYPE, f);
        refers(node, "severityId", kind == AlertCatalog.Kind.RULE ? AlertCatalog.Kind.SEVERITY : null, f);
        refers(node, "contentId", kind == AlertCatalog.Kind.RULE ? AlertCatalog.Kind.CONTENT : null, f);
        if (kind == AlertCatalog.Kind.RULE) {
            String point = Json.text(node, "measurepointId");
            if (model != null && point != null && model.point(point) == null) {
                throw ApiError.invalidArgument(f + ".measurepointId", "model " + model.modelId()
                        + " has no measure point " + point);
            }
            checkScope(node.get("scope"), f);
            if (!node.has("isEnabled") && !patch) {
                node.put("isEnabled", true);
            }
        }
        return node;
    }

    /** A rule's scope: {@code [{treeId, assetId}]}, {@code treeId "all"} for the whole org; other trees must exist. */
    private void checkScope(JsonNode scope, String f) {
        if (scope == null || scope.isNull()) {
            return;
        }
        if (!scope.isArray() || scope.isEmpty()) {
            throw ApiError.invalidArgument(f + ".scope", "a non-empty list of {treeId, assetId} is expected");
        }
        for (JsonNode node : scope) {
            String treeId = Json.text(node, "treeId");
            if (treeId == null) {
                throw ApiError.missing(f + ".scope.treeId");
            }
            String assetId = Json.text(node, "assetId");
            if (!treeId.equals("all")) {
                trees.check(treeId, assetId == null || assetId.equals("all") ? null : assetId);
            }
        }
    }

    private void refers(ObjectNode node, String field, AlertCatalog.Kind target, String f) {
        String id = Json.text(node, field);
        if (target != null && id != null && !catalog.exists(target, id)) {
            throw ApiError.invalidArgument(f + "." + field, field + " " + id + " does not exist");
        }
    }
}
