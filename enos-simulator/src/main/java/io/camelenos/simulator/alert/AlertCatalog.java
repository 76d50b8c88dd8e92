package io.camelenos.simulator.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The org's alert severities, types, contents and rules (event-service v2.1), seeded with a default set that fits
 * the data set's thing models. Enabled rules whose condition is {@code <point> <op> <number>} drive the alerts
 * {@link AlertGenerator} computes, so creating, disabling or deleting a rule changes what the alert searches see.
 */
final class AlertCatalog {

    /** The four kinds of catalogue objects, with their id field and the body field that carries one. */
    enum Kind {
        SEVERITY("severityId", "severity"),
        TYPE("typeId", "alertType"),
        CONTENT("contentId", "alertContent"),
        RULE("ruleId", "alertRule");

        final String idField;
        final String bodyField;

        Kind(String idField, String bodyField) {
            this.idField = idField;
            this.bodyField = bodyField;
        }
    }

    /** A rule condition the generator can evaluate: one measure point compared with a number. */
    record Condition(String pointId, String op, double threshold) {
        private static final Pattern SIMPLE = Pattern.compile("^\\s*([\\w.]+)\\s*(>=|<=|!=|=|>|<)\\s*(-?\\d+(?:\\.\\d+)?)\\s*$");

        static Condition parse(String text) {
            Matcher m = text == null ? null : SIMPLE.matcher(text);
            return m != null && m.matches() ? new Condition(m.group(1), m.group(2), Double.parseDouble(m.group(3))) : null;
        }

        boolean holds(double value) {
            return switch (op) {
                case ">" -> value > threshold;
                case ">=" -> value >= threshold;
                case "<" -> value < threshold;
                case "<=" -> value <= threshold;
                case "!=" -> value != threshold;
                default -> value == threshold;
            };
        }
    }

    /** When the default catalogue was "configured": a week before the fleet's commissioning epoch. */
    static final long SEEDED_AT = DataSet.EPOCH_MILLIS - 7 * 86_400_000L;

    private final SimContext context;
    private final Map<Kind, Map<String, ObjectNode>> objects = new LinkedHashMap<>();

    AlertCatalog(SimContext context) {
        this.context = context;
        for (Kind kind : Kind.values()) {
            objects.put(kind, new LinkedHashMap<>());
        }
        seed();
    }

    private void seed() {
        severity("critical", "Critical", "严重");
        severity("major", "Major", "重要");
        severity("minor", "Minor", "次要");
        severity("warning", "Warning", "警告");
        type("deviceFault", null, "Device fault", "设备故障");
        type("performance", null, "Performance", "性能");
        type("statusFault", "deviceFault", "Fault state", "故障状态");
        type("overTemperature", "deviceFault", "Over temperature", "超温");
        type("powerLimited", "performance", "Power limited", "限功率");
        content("WTG_FAULT", ThingModels.WIND_TURBINE, "statusFault", "Turbine in fault state", "风机故障");
        content("WTG_LIMITED", ThingModels.WIND_TURBINE, "powerLimited", "Turbine power limited", "风机限功率");
        content("INV_OVER_TEMP", ThingModels.INVERTER, "overTemperature", "Inverter over temperature",
                "逆变器超温");
        content("INV_FAULT", ThingModels.INVERTER, "statusFault", "Inverter in fault state", "逆变器故障");
        rule("WTG_STATUS_FAULT", ThingModels.WIND_TURBINE, "WTG.Status", "WTG.Status = 3", "critical", "WTG_FAULT",
                "Turbine state is fault (3)", "风机状态为故障");
        rule("WTG_STATUS_LIMITED", ThingModels.WIND_TURBINE, "WTG.Status", "WTG.Status = 2", "warning", "WTG_LIMITED",
                "Turbine state is limited (2)", "风机状态为限功率");
        rule("INV_TEMPERATURE_HIGH", ThingModels.INVERTER, "INV.Temperature", "INV.Temperature > 62", "major",
                "INV_OVER_TEMP", "Inverter temperature above 62 for 30 minutes", "逆变器温度高于62持续30分钟")
                .put("triggeringDelayTimer", 1800);
        rule("INV_STATUS_FAULT", ThingModels.INVERTER, "INV.Status", "INV.Status = 3", "critical", "INV_FAULT",
                "Inverter state is fault (3)", "逆变器状态为故障");
    }

    private ObjectNode base(Kind kind, String id) {
        ObjectNode node = Json.object().put(kind.idField, id).put("orgId", context.orgId());
        node.putObject("tags");
        node.put("updatePerson", "enos-simulator").put("updateTime", SEEDED_AT);
        objects.get(kind).put(id, node);
        return node;
    }

    private void severity(String id, String en, String zh) {
        base(Kind.SEVERITY, id).set("severityDesc", DataSet.i18n(en, zh));
    }

    private void type(String id, String parent, String en, String zh) {
        ObjectNode node = base(Kind.TYPE, id);
        node.set("typeDesc", DataSet.i18n(en, zh));
        if (parent == null) {
            node.putNull("parentTypeId");
        } else {
            node.put("parentTypeId", parent);
        }
    }

    private void content(String id, ThingModel model, String typeId, String en, String zh) {
        ObjectNode node = base(Kind.CONTENT, id);
        node.set("contentDesc", DataSet.i18n(en, zh));
        node.put("modelId", model.modelId()).put("alertTypeId", typeId);
    }

    private ObjectNode rule(String id, ThingModel model, String point, String condition, String severity,
                            String content, String en, String zh) {
        ObjectNode node = base(Kind.RULE, id);
        node.set("ruleDesc", DataSet.i18n(en, zh));
        node.put("modelId", model.modelId()).put("measurepointId", point).put("condition", condition)
                .put("severityId", severity).put("contentId", content).put("isEnabled", true).put("isRoot", false)
                .put("source", 0).put("triggeringDelayTimer", 0);
        node.putArray("scope").addObject().put("treeId", "all").put("assetId", "all");
        node.with("tags").put("source", "simulator");
        return node;
    }

    // ---- reads

    synchronized ObjectNode get(Kind kind, String id) {
        ObjectNode node = id == null ? null : objects.get(kind).get(id);
        return node == null ? null : node.deepCopy();
    }

    synchronized List<ObjectNode> all(Kind kind) {
        List<ObjectNode> result = new ArrayList<>();
        objects.get(kind).values().forEach(n -> result.add(n.deepCopy()));
        return result;
    }

    /** An i18n description of a catalogue object ("severityDesc" of a severity, ...), or null. */
    synchronized JsonNode desc(Kind kind, String id, String field) {
        ObjectNode node = id == null ? null : objects.get(kind).get(id);
        return node == null ? null : node.get(field);
    }

    synchronized ObjectNode ruleTags(String ruleId) {
        ObjectNode node = ruleId == null ? null : objects.get(Kind.RULE).get(ruleId);
        return node == null || !node.path("tags").isObject() ? null : (ObjectNode) node.get("tags").deepCopy();
    }

    /** The enabled rules with a condition the generator can evaluate. */
    synchronized List<GeneratingRule> generatingRules() {
        List<GeneratingRule> result = new ArrayList<>();
        for (ObjectNode rule : objects.get(Kind.RULE).values()) {
            Condition condition = Condition.parse(rule.path("condition").asText(null));
            ThingModel model = ThingModels.byId(rule.path("modelId").asText());
            if (!rule.path("isEnabled").asBoolean(true) || condition == null || model == null
                    || model.point(condition.pointId()) == null) {
                continue;
            }
            String contentId = rule.path("contentId").asText(null);
            ObjectNode content = objects.get(Kind.CONTENT).get(contentId);
            String subType = content == null ? null : content.path("alertTypeId").asText(null);
            ObjectNode sub = subType == null ? null : objects.get(Kind.TYPE).get(subType);
            String parent = sub == null ? null : sub.path("parentTypeId").asText(null);
            result.add(new GeneratingRule(rule.get("ruleId").asText(), model, model.point(condition.pointId()),
                    condition, rule.path("severityId").asText(null), parent != null ? parent : subType,
                    parent != null ? subType : null, contentId, scopeTrees(rule.get("scope")),
                    Math.max(0, rule.path("triggeringDelayTimer").asLong(0)) * 1000));
        }
        return result;
    }

    /** The tree nodes a rule applies to; empty means the whole org ({@code treeId "all"}). */
    private static List<String[]> scopeTrees(JsonNode scope) {
        List<String[]> result = new ArrayList<>();
        if (scope == null || !scope.isArray()) {
            return result;
        }
        for (JsonNode node : scope) {
            String treeId = node.path("treeId").asText("all");
            if (treeId.equals("all")) {
                return List.of();
            }
            result.add(new String[] {treeId, node.path("assetId").asText(null)});
        }
        return result;
    }

    // ---- writes

    synchronized void create(Kind kind, ObjectNode object) {
        String id = object.path(kind.idField).asText(null);
        if (objects.get(kind).containsKey(id)) {
            throw ApiError.invalidArgument(kind.idField, kind.idField + " " + id + " already exists");
        }
        store(kind, object);
    }

    synchronized void update(Kind kind, ObjectNode change, boolean patch) {
        String id = change.path(kind.idField).asText(null);
        ObjectNode existing = objects.get(kind).get(id);
        if (existing == null) {
            throw ApiError.notFound(kind.idField + " " + id);
        }
        ObjectNode updated;
        if (patch) {
            updated = existing.deepCopy();
            change.fields().forEachRemaining(e -> updated.set(e.getKey(), e.getValue()));
        } else {
            updated = change;
        }
        store(kind, updated);
    }

    private void store(Kind kind, ObjectNode object) {
        object.put("orgId", context.orgId()).put("updatePerson", "api").put("updateTime", context.clock().nowMillis());
        if (!object.hasNonNull("tags")) {
            object.putObject("tags");
        }
        objects.get(kind).put(object.get(kind.idField).asText(), object);
    }

    synchronized void delete(Kind kind, String id) {
        if (!objects.get(kind).containsKey(id)) {
            throw ApiError.notFound(kind.idField + " " + id);
        }
        String user = userOf(kind, id);
        if (user != null) {
            throw ApiError.invalidArgument(kind.idField, kind.idField + " " + id + " is used by " + user);
        }
        objects.get(kind).remove(id);
    }

    /** What refers to a catalogue object (EnOS refuses to delete a severity, type or content that is in use). */
    private String userOf(Kind kind, String id) {
        return switch (kind) {
            case SEVERITY -> firstWith(Kind.RULE, "severityId", id);
            case CONTENT -> firstWith(Kind.RULE, "contentId", id);
            case TYPE -> {
                String content = firstWith(Kind.CONTENT, "alertTypeId", id);
                yield content != null ? content : firstWith(Kind.TYPE, "parentTypeId", id);
            }
            case RULE -> null;
        };
    }

    private String firstWith(Kind kind, String field, String value) {
        for (ObjectNode node : objects.get(kind).values()) {
            if (value.equals(node.path(field).asText(null))) {
                return kind.idField + " " + node.get(kind.idField).asText();
            }
        }
        return null;
    }

    boolean exists(Kind kind, String id) {
        synchronized (this) {
            return id != null && objects.get(kind).containsKey(id);
        }
    }

    /** A rule that generates alerts: its evaluable condition and the ids it stamps on the alerts. */
    record GeneratingRule(String ruleId, ThingModel model, io.camelenos.simulator.data.PointDef point,
                          Condition condition, String severityId, String typeId, String subTypeId, String contentId,
                          List<String[]> scope, long delayMillis) {

        /** Identifies the rule's evaluation in caches: a changed condition is a different evaluation. */
        String cacheKey() {
            return ruleId + "|" + point.id() + "|" + condition.op() + "|" + condition.threshold() + "|" + delayMillis;
        }
    }
}
