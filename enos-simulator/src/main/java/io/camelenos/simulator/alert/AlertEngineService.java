package io.camelenos.simulator.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.query.Expression;
import io.camelenos.simulator.query.Paging;
import io.camelenos.simulator.query.Projection;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Alert Service v2.1, the newer "alert engine" API (reference 4.5 b): search active and history alerts together,
 * scroll through them with a page token, create, close and re-tag. It shows the same alerts as the event service:
 * {@code alertId} is the eventId, {@code instanceId} the assetId, {@code metricId} the measure point.
 */
public final class AlertEngineService implements SimService {

    static final String ALERTS = "/alert-service/v2.1/alerts";
    static final int MAX_PAGE_SIZE = 1000;
    static final Set<String> FIELDS = Set.of("instanceId", "metricId", "severityId", "typeId", "parentTypeId",
            "contentId", "ruleId", "eventType", "alertId", "tags.*", "ruleTags.*", "metricTags.*");
    private static final Set<Integer> CREATABLE_EVENT_TYPES = Set.of(2, 3, 4);

    private AlertBook book;

    @Override
    public void register(Router router, SimContext context) {
        book = context.shared(AlertBook.class, AlertBook::new);
        router.path(ALERTS, Envelope.DM)
                .action("search", "POST", this::search)
                .action("scroll", "POST", this::scroll)
                .action("create", "POST", this::create)
                .action("batchCreate", "POST", this::batchCreate)
                .action("close", "POST", this::close)
                .action("updateTags", "POST", this::updateTags)
                .action("batchUpdateTags", "POST", this::batchUpdateTags);
    }

    // POST /alert-service/v2.1/alerts?action=search&orgId= , body {instanceId, metricId, startOccurTime M,
    // endOccurTime M, startRecoverTime, endRecoverTime, active, expression, pagination, projection}
    private Object search(SimRequest request) {
        ObjectNode body = request.jsonObject();
        Paging paging = Paging.from(body, 10, MAX_PAGE_SIZE, false);
        Projection projection = Projection.from(body);
        AlertFilter filter = filter(body);
        Predicate<JsonNode> expression = Expression.parse(Json.text(body, "expression"), FIELDS);
        return EventAlertService.sortedByOccurTime(EventAlertService.page(book.snapshot(), filter, expression, paging,
                projection, book::alertJson), "alertId");
    }

    // POST /alert-service/v2.1/alerts?action=scroll&orgId= , body as search with scroll {pageSize, pageToken}
    // instead of pagination → data {alerts: [...], pageSize, pageToken (absent on the last page)}
    private Object scroll(SimRequest request) {
        ObjectNode body = request.jsonObject();
        JsonNode scroll = body.get("scroll");
        if (scroll == null || !scroll.isObject()) {
            throw ApiError.missing("scroll");
        }
        int pageSize = pageSize(scroll);
        Cursor after = Cursor.decode(Json.text(scroll, "pageToken"));
        Projection projection = Projection.from(body);
        AlertFilter filter = filter(body);
        Predicate<JsonNode> expression = Expression.parse(Json.text(body, "expression"), FIELDS);
        ArrayNode alerts = Json.array();
        Alert last = null;
        boolean more = false;
        for (Alert alert : book.snapshot()) {
            if ((after != null && !after.isBefore(alert)) || !filter.test(alert)) {
                continue;
            }
            ObjectNode json = book.alertJson(alert);
            if (!expression.test(json)) {
                continue;
            }
            if (alerts.size() == pageSize) {
                more = true;
                break;
            }
            alerts.add(Projection.apply(projection, json));
            last = alert;
        }
        ObjectNode data = Json.object();
        data.set("alerts", alerts);
        data.put("pageSize", pageSize);
        if (more) {
            data.put("pageToken", new Cursor(last.occurTime, last.eventId).encode());
        }
        return data;
    }

    private static int pageSize(JsonNode scroll) {
        JsonNode size = scroll.get("pageSize");
        if (size == null || size.isNull()) {
            return 10;
        }
        if (!size.canConvertToInt() && !(size.isTextual() && size.asText().matches("\\d{1,9}"))) {
            throw ApiError.invalidArgument("scroll.pageSize", "not an integer: " + size);
        }
        int value = size.asInt();
        if (value < 1 || value > MAX_PAGE_SIZE) {
            throw ApiError.invalidArgument("scroll.pageSize", "must be between 1 and " + MAX_PAGE_SIZE + ", was " + value);
        }
        return value;
    }

    /**
     * Where a scroll stopped: the last alert returned, in the fixed order (occurTime desc, alertId desc). A keyset
     * cursor, so alerts that appear while a client scrolls do not shift the pages it has not read yet.
     */
    record Cursor(long occurTime, String alertId) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("v1:" + occurTime + ":" + alertId).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token) {
            if (token == null || token.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 3);
                if (parts.length != 3 || !parts[0].equals("v1")) {
                    throw new IllegalArgumentException("unknown token");
                }
                return new Cursor(Long.parseLong(parts[1]), parts[2]);
            } catch (IllegalArgumentException e) {
                throw ApiError.invalidArgument("scroll.pageToken", "invalid page token " + token);
            }
        }

        /** Whether the cursor comes before the alert in the scroll order (so the alert is on a later page). */
        boolean isBefore(Alert a) {
            return a.occurTime < occurTime || (a.occurTime == occurTime && a.eventId.compareTo(alertId) < 0);
        }
    }

    private AlertFilter filter(ObjectNode body) {
        AlertFilter filter = new AlertFilter(book);
        JsonNode active = body.get("active");
        if (active != null && !active.isNull()) {
            String text = active.asText();
            if (!text.equals("true") && !text.equals("false")) {
                throw ApiError.invalidArgument("active", "true, false or null expected, was " + active);
            }
            filter.active = Boolean.parseBoolean(text);
        }
        filter.assetId = Json.text(body, "instanceId");
        filter.pointId = Json.text(body, "metricId");
        filter.occurBounds(body, "startOccurTime", "endOccurTime", true);
        filter.recoverBounds(body, "startRecoverTime", "endRecoverTime");
        filter.horizon = book.now() - AlertFilter.HORIZON_MILLIS;
        return filter;
    }

    // POST /alert-service/v2.1/alerts?action=create&orgId= , body {alert: {...}} → data: the alertId
    private Object create(SimRequest request) {
        ObjectNode body = request.jsonObject();
        JsonNode node = body.get("alert");
        if (node == null || !node.isObject()) {
            throw ApiError.missing("alert");
        }
        return book.create(parse((ObjectNode) node, "alert"));
    }

    // POST /alert-service/v2.1/alerts?action=batchCreate&orgId= , body {alertVoList: [...]}
    private Object batchCreate(SimRequest request) {
        JsonNode list = EventAlertService.firstArray(request.jsonObject(), "alertVoList", "alerts", "alertList");
        if (list == null) {
            throw ApiError.missing("alertVoList");
        }
        List<Alert> parsed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                if (!list.get(i).isObject()) {
                    throw ApiError.invalidArgument("alertVoList[" + i + "]", "an object is expected");
                }
                parsed.add(parse((ObjectNode) list.get(i), "alertVoList[" + i + "]"));
                errors.add(null);
            } catch (ApiError e) {
                parsed.add(null);
                errors.add(e.msg());
            }
        }
        return EventAlertService.batchReply(request, parsed, errors, book::create);
    }

    /** An AlertVo of a create request; a recoverTime makes it a history alert. */
    private Alert parse(ObjectNode node, String field) {
        Alert a = new Alert();
        a.assetId = EventAlertService.required(node, "instanceId", field);
        ObjectNode asset = book.asset(a.assetId)
                .orElseThrow(() -> ApiError.notFound(field + ".instanceId " + a.assetId));
        a.modelId = asset.path("modelId").asText();
        a.modelIdPath = asset.path("modelIdPath").asText("/" + a.modelId);
        a.measurepointId = EventAlertService.required(node, "metricId", field);
        a.value = node.has("value") ? node.get("value").deepCopy() : Json.NODES.nullNode();
        a.occurTime = EventAlertService.requiredMillis(node, "occurTime", field);
        a.localOccurTime = Json.text(node, "localOccurTime");
        String eventType = Json.text(node, "eventType");
        a.eventType = eventType == null ? Alert.API_INSERTED : parseEventType(eventType, field);
        a.severityId = Json.text(node, "severityId");
        String type = Json.text(node, "typeId");
        String parent = Json.text(node, "parentTypeId");
        a.typeId = parent != null ? parent : type;
        a.subTypeId = parent != null ? type : null;
        a.contentId = Json.text(node, "contentId");
        a.ruleId = Json.text(node, "ruleId");
        a.descs = Json.object();
        copy(node, "severityDesc", a.descs, "severityDesc");
        copy(node, "typeDesc", a.descs, parent != null ? "subTypeDesc" : "typeDesc");
        copy(node, "parentTypeDesc", a.descs, "typeDesc");
        copy(node, "content", a.descs, "contentDesc");
        copy(node, "ruleDesc", a.descs, "ruleDesc");
        a.tags = AlertFilter.tags(node.get("tags"), field + ".tags");
        a.ruleTags = AlertFilter.tags(node.get("ruleTags"), field + ".ruleTags");
        a.metricTags = AlertFilter.tags(node.has("metricTags") ? node.get("metricTags") : node.get("metrictags"),
                field + ".metricTags");
        Long recover = AlertTimes.millis(field + ".recoverTime", Json.text(node, "recoverTime"));
        if (recover != null) {
            if (recover < a.occurTime) {
                throw ApiError.invalidArgument(field + ".recoverTime", "recoverTime is before occurTime");
            }
            a.recoverTime = recover;
            a.localRecoverTime = Json.text(node, "localRecoverTime");
            a.recoverReason = Json.text(node, "recoverReason");
        }
        return a;
    }

    private static int parseEventType(String text, String field) {
        try {
            int value = Integer.parseInt(text);
            if (CREATABLE_EVENT_TYPES.contains(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiError.invalidArgument(field + ".eventType", "must be 2, 3 or 4, was " + text);
    }

    private static void copy(ObjectNode from, String field, ObjectNode to, String as) {
        if (from.hasNonNull(field)) {
            JsonNode v = from.get(field);
            to.set(as, v.isTextual() ? io.camelenos.simulator.data.DataSet.i18n(v.asText(), v.asText()) : v.deepCopy());
        }
    }

    // POST /alert-service/v2.1/alerts?action=close&orgId= , {alertId, recoverTime, localRecoverTime, recoverReason}
    private Object close(SimRequest request) {
        String alertId = request.requireParam("alertId");
        Long recoverTime = AlertTimes.millis("recoverTime", request.param("recoverTime"));
        if (recoverTime == null) {
            throw ApiError.missing("recoverTime");
        }
        book.close(alertId, recoverTime, request.param("localRecoverTime"), request.param("recoverReason"));
        return null;
    }

    // POST /alert-service/v2.1/alerts?action=updateTags&orgId= , body {alertId, isPatchUpdate, tags}
    private Object updateTags(SimRequest request) {
        book.updateTags(request.requireParam("alertId"), null, EventAlertService.requireTags(request),
                EventAlertService.patch(request));
        return null;
    }

    // POST /alert-service/v2.1/alerts?action=batchUpdateTags&orgId= , body {alertIds, isPatchUpdate, tags}
    private Object batchUpdateTags(SimRequest request) {
        JsonNode ids = request.jsonObject().get("alertIds");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw ApiError.missing("alertIds");
        }
        ObjectNode tags = EventAlertService.requireTags(request);
        boolean patch = EventAlertService.patch(request);
        List<String> list = new ArrayList<>();
        ids.forEach(id -> list.add(id.asText()));
        book.updateTags(list, null, tags, patch);
        return null;
    }
}
