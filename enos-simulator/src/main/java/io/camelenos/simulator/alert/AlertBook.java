package io.camelenos.simulator.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every alert of the org at the emulator's "now": the generated ones (from {@link AlertGenerator}) with the API's
 * changes laid over them (closed, deleted, re-tagged), plus the alerts created through the API. Both alert API
 * generations read and write this one book, shared through the {@link SimContext}.
 */
final class AlertBook {

    /** Order of every alert search: occurTime descending, then eventId descending (EnOS's sortedBy). */
    static final Comparator<Alert> NEWEST_FIRST = Comparator.comparingLong((Alert a) -> a.occurTime).reversed()
            .thenComparing((Alert a) -> a.eventId, Comparator.reverseOrder());
    /** Ingestion delay between a generated alert's occurTime and its createTime. */
    private static final long INGEST_MILLIS = 1_000;

    /** What a generated alert keeps between queries: its id and its value (both costly enough to compute). */
    private record Stamp(String eventId, JsonNode value) {
    }

    private record Closure(long recoverTime, String localRecoverTime, String reason, long updateTime) {
    }

    private final SimContext context;
    private final DataSet dataSet;
    private final AlertCatalog catalog;
    private final AlertGenerator generator;
    private final TreeScope trees;
    private final Map<String, Alert> created = new ConcurrentHashMap<>();
    private final Map<String, Closure> closed = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> retagged = new ConcurrentHashMap<>();
    private final Map<String, Long> retaggedAt = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final Map<String, Stamp> stamps = new ConcurrentHashMap<>();
    private final AtomicLong createdSeq = new AtomicLong();

    AlertBook(SimContext context) {
        this.context = context;
        this.dataSet = context.dataSet();
        this.catalog = new AlertCatalog(context);
        this.generator = new AlertGenerator(dataSet);
        this.trees = new TreeScope(io.camelenos.simulator.tree.AssetTrees.of(context));
    }

    AlertCatalog catalog() {
        return catalog;
    }

    TreeScope trees() {
        return trees;
    }

    long now() {
        return context.clock().nowMillis();
    }

    // ---- reading

    /** Every visible alert at "now", newest first. */
    List<Alert> snapshot() {
        long now = now();
        if (stamps.size() > 200_000) {
            stamps.clear();
        }
        List<Alert> result = new ArrayList<>();
        for (AlertCatalog.GeneratingRule rule : catalog.generatingRules()) {
            ObjectNode ruleTags = catalog.ruleTags(rule.ruleId());
            generator.forEachAsset(rule, asset -> {
                String assetId = dataSet.assetId(asset);
                if (!dataSet.assets().exists(assetId) || !inRuleScope(rule, assetId)) {
                    return;
                }
                for (AlertGenerator.Episode episode : generator.episodes(rule, asset, now)) {
                    Alert alert = generated(rule, asset, assetId, episode, now);
                    if (!deleted.contains(alert.eventId)) {
                        alert.ruleTags = ruleTags; // shared by the rule's alerts; views copy it
                        result.add(overlay(alert));
                    }
                }
            });
        }
        generator.forget();
        created.values().forEach(a -> {
            synchronized (a) {
                result.add(a.copy());
            }
        });
        result.sort(NEWEST_FIRST);
        return result;
    }

    /** A rule scoped to tree nodes evaluates only their assets; an empty scope is the whole org. */
    private boolean inRuleScope(AlertCatalog.GeneratingRule rule, String assetId) {
        if (rule.scope().isEmpty()) {
            return true;
        }
        for (String[] node : rule.scope()) {
            if (trees.contains(node[0], node[1], assetId)) {
                return true;
            }
        }
        return false;
    }

    private Alert generated(AlertCatalog.GeneratingRule rule, int asset, String assetId,
                            AlertGenerator.Episode episode, long now) {
        Stamp stamp = stamps.computeIfAbsent(rule.cacheKey() + "|" + asset + "|" + episode.start(), k -> new Stamp(
                eventId(rule.ruleId(), assetId, episode.start()),
                Json.NODES.numberNode(generator.series().value(asset, rule.point(), episode.start()))));
        Alert a = new Alert();
        a.generated = true;
        a.eventId = stamp.eventId();
        a.assetId = assetId;
        a.modelId = rule.model().modelId();
        a.modelIdPath = rule.model().modelIdPath();
        a.measurepointId = rule.point().id();
        a.ruleId = rule.ruleId();
        a.value = stamp.value();
        a.occurTime = episode.start();
        a.createTime = episode.start() + INGEST_MILLIS;
        a.updateTime = a.createTime;
        a.severityId = rule.severityId();
        a.typeId = rule.typeId();
        a.subTypeId = rule.subTypeId();
        a.contentId = rule.contentId();
        a.eventType = Alert.SYSTEM_TRIGGERED;
        if (episode.end() <= now) {
            a.recoverTime = episode.end();
            a.recoverReason = "condition no longer met";
            a.updateTime = episode.end() + INGEST_MILLIS;
            a.eventType = Alert.SYSTEM_RECOVERED;
        }
        return a;
    }

    private Alert overlay(Alert a) {
        Closure closure = closed.get(a.eventId);
        if (closure != null && (a.recoverTime == null || closure.recoverTime() <= a.recoverTime)) {
            a.recoverTime = closure.recoverTime();
            a.localRecoverTime = closure.localRecoverTime();
            a.recoverReason = closure.reason();
            a.eventType = Alert.API_RECOVERED;
            a.updateTime = Math.max(a.updateTime, closure.updateTime());
        }
        ObjectNode tags = retagged.get(a.eventId);
        if (tags != null) {
            a.tags = tags.deepCopy();
            a.updateTime = Math.max(a.updateTime, retaggedAt.get(a.eventId));
        }
        return a;
    }

    /** A generated alert's id: its UTC day and a hash of (seed, rule, asset, occurTime), 40 characters like EnOS's. */
    String eventId(String ruleId, String assetId, long occurTime) {
        long h1 = DataSet.mix(dataSet.seed() ^ (ruleId.hashCode() * 0x9E3779B97F4A7C15L) ^ occurTime);
        long h2 = DataSet.mix(h1 ^ assetId.hashCode() * 0xC2B2AE3D27D4EB4FL);
        return day(occurTime) + hex16(h1) + hex16(h2);
    }

    private static String day(long millis) {
        java.time.LocalDate date = java.time.LocalDate.ofEpochDay(Math.floorDiv(millis, 86_400_000L));
        return Integer.toString(date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth());
    }

    private static String hex16(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(16 - hex.length()) + hex;
    }

    /** The alert with an id at "now", or null. */
    Alert find(String eventId) {
        Alert mine = created.get(eventId);
        if (mine != null) {
            synchronized (mine) {
                return mine.copy();
            }
        }
        for (Alert a : snapshot()) {
            if (a.eventId.equals(eventId)) {
                return a;
            }
        }
        return null;
    }

    // ---- writing

    /** Stores an alert created through the API and answers its id. */
    String create(Alert alert) {
        long now = now();
        alert.eventId = day(alert.occurTime) + hex16(DataSet.mix(dataSet.seed() ^ createdSeq.incrementAndGet() ^ now))
                + hex16(DataSet.mix(now ^ alert.occurTime ^ alert.assetId.hashCode()));
        alert.createTime = now;
        alert.updateTime = now;
        if (alert.localOccurTime == null) {
            alert.localOccurTime = AlertTimes.local(alert.occurTime, zoneOf(alert.assetId));
        }
        created.put(alert.eventId, alert);
        return alert.eventId;
    }

    /** Closes an active alert (it becomes a history alert); 99404 when there is no such active alert. */
    void close(String eventId, long recoverTime, String localRecoverTime, String reason) {
        Alert alert = find(eventId);
        if (alert == null || !alert.active()) {
            throw ApiError.notFound("active alert " + eventId);
        }
        if (recoverTime < alert.occurTime) {
            throw ApiError.invalidArgument("recoverTime", "recoverTime " + recoverTime
                    + " is before the alert's occurTime " + alert.occurTime);
        }
        String local = localRecoverTime != null ? localRecoverTime
                : AlertTimes.local(recoverTime, zoneOf(alert.assetId));
        Alert mine = created.get(eventId);
        if (mine != null) {
            synchronized (mine) {
                mine.recoverTime = recoverTime;
                mine.localRecoverTime = local;
                mine.recoverReason = reason;
                mine.eventType = Alert.API_RECOVERED;
                mine.updateTime = now();
            }
        } else {
            closed.put(eventId, new Closure(recoverTime, local, reason, now()));
        }
    }

    /** Deletes an active alert; 99404 when there is no such active alert. */
    void delete(String eventId) {
        Alert alert = find(eventId);
        if (alert == null || !alert.active()) {
            throw ApiError.notFound("active alert " + eventId);
        }
        if (created.remove(eventId) == null) {
            deleted.add(eventId);
        }
    }

    /** Replaces or merges the tags of an alert that is active ({@code active} true) or history (false). */
    void updateTags(String eventId, Boolean active, ObjectNode tags, boolean patch) {
        Alert alert = find(eventId);
        if (alert == null || (active != null && alert.active() != active)) {
            throw ApiError.notFound((active == null ? "alert " : active ? "active alert " : "history alert ") + eventId);
        }
        ObjectNode merged = patch && alert.tags != null ? alert.tags.deepCopy() : Json.object();
        merged.setAll(tags);
        Alert mine = created.get(eventId);
        if (mine != null) {
            synchronized (mine) {
                mine.tags = merged;
                mine.updateTime = now();
            }
        } else {
            retagged.put(eventId, merged);
            retaggedAt.put(eventId, now());
        }
    }

    /** Re-tags several alerts, all or none: 99404 naming the first id that is not an alert (of the given state). */
    void updateTags(List<String> eventIds, Boolean active, ObjectNode tags, boolean patch) {
        for (String eventId : eventIds) {
            Alert alert = find(eventId);
            if (alert == null || (active != null && alert.active() != active)) {
                throw ApiError.notFound((active == null ? "alert " : active ? "active alert " : "history alert ") + eventId);
            }
        }
        eventIds.forEach(id -> updateTags(id, active, tags, patch));
    }

    // ---- views

    java.util.Optional<ObjectNode> asset(String assetId) {
        return dataSet.assets().get(assetId);
    }

    ZoneId zoneOf(String assetId) {
        int index = dataSet.indexOf(assetId);
        if (index >= 0) {
            return AlertTimes.zone(dataSet.timezoneOf(index));
        }
        return AlertTimes.zone(dataSet.assets().get(assetId).map(a -> a.path("timezone").asText(null)).orElse(null));
    }

    private JsonNode desc(Alert a, String field, AlertCatalog.Kind kind, String id) {
        JsonNode given = a.descs == null ? null : a.descs.get(field);
        if (given != null && !given.isNull()) {
            return given;
        }
        JsonNode fromCatalog = catalog.desc(kind, id, field.equals("subTypeDesc") || field.equals("parentTypeDesc")
                ? "typeDesc" : field);
        return fromCatalog; // shared, never mutated: the catalogue replaces objects on update
    }

    /** The event-service v2.1 ActiveAlert / HistoryAlert structure. */
    ObjectNode eventJson(Alert a) {
        ZoneId zone = zoneOf(a.assetId);
        ObjectNode n = Json.object().put("eventId", a.eventId).put("orgId", context.orgId())
                .put("assetId", a.assetId).put("modelId", a.modelId).put("modelIdPath", a.modelIdPath)
                .put("measurepointId", a.measurepointId).put("hitRuleId", a.ruleId);
        n.set("value", a.value);
        n.put("occurTime", a.occurTime)
                .put("localOccurTime", a.localOccurTime != null ? a.localOccurTime : AlertTimes.local(a.occurTime, zone))
                .put("createTime", a.createTime).put("updateTime", a.updateTime)
                .put("severityId", a.severityId);
        n.set("severityDesc", desc(a, "severityDesc", AlertCatalog.Kind.SEVERITY, a.severityId));
        n.put("typeId", a.typeId);
        n.set("typeDesc", desc(a, "typeDesc", AlertCatalog.Kind.TYPE, a.typeId));
        n.put("subTypeId", a.subTypeId);
        n.set("subTypeDesc", desc(a, "subTypeDesc", AlertCatalog.Kind.TYPE, a.subTypeId));
        n.put("contentId", a.contentId);
        n.set("contentDesc", desc(a, "contentDesc", AlertCatalog.Kind.CONTENT, a.contentId));
        n.put("eventType", a.eventType);
        n.set("tag", a.tags == null ? Json.object() : a.tags.deepCopy());
        n.set("ruleDesc", desc(a, "ruleDesc", AlertCatalog.Kind.RULE, a.ruleId));
        if (a.deviceStatus != null) {
            n.put("deviceStatus", a.deviceStatus);
        }
        ArrayNode paths = n.putArray("assetPaths");
        trees.assetPaths(a.assetId).forEach(paths::add);
        n.putArray("maskedBy");
        if (!a.active()) {
            String local = a.localRecoverTime != null ? a.localRecoverTime : AlertTimes.local(a.recoverTime, zone);
            n.put("recoverTime", a.recoverTime).put("localRecoverTime", local).put("recoverLocalTime", local)
                    .put("recoverReason", a.recoverReason);
        }
        return n;
    }

    /** The alert-service v2.1 AlertVo structure (types: the event sub-type is the alert type, its parent above). */
    ObjectNode alertJson(Alert a) {
        ZoneId zone = zoneOf(a.assetId);
        String type = a.subTypeId != null ? a.subTypeId : a.typeId;
        String parent = a.subTypeId != null ? a.typeId : null;
        ObjectNode n = Json.object().put("alertId", a.eventId).put("orgId", context.orgId())
                .put("eventType", a.eventType).put("active", a.active())
                .put("instanceId", a.assetId).put("modelId", a.modelId).put("modelIdPath", a.modelIdPath)
                .put("metricId", a.measurepointId);
        n.set("value", a.value);
        n.put("occurTime", a.occurTime)
                .put("localOccurTime", a.localOccurTime != null ? a.localOccurTime : AlertTimes.local(a.occurTime, zone));
        if (a.active()) {
            n.putNull("recoverTime").putNull("localRecoverTime").putNull("recoverReason");
        } else {
            n.put("recoverTime", a.recoverTime).put("localRecoverTime",
                    a.localRecoverTime != null ? a.localRecoverTime : AlertTimes.local(a.recoverTime, zone))
                    .put("recoverReason", a.recoverReason);
        }
        n.put("severityId", a.severityId);
        n.set("severityDesc", desc(a, "severityDesc", AlertCatalog.Kind.SEVERITY, a.severityId));
        n.put("typeId", type);
        n.set("typeDesc", desc(a, a.subTypeId != null ? "subTypeDesc" : "typeDesc", AlertCatalog.Kind.TYPE, type));
        n.put("parentTypeId", parent);
        n.set("parentTypeDesc", parent == null ? null : desc(a, "typeDesc", AlertCatalog.Kind.TYPE, parent));
        n.put("contentId", a.contentId);
        n.set("content", desc(a, "contentDesc", AlertCatalog.Kind.CONTENT, a.contentId));
        n.put("ruleId", a.ruleId);
        n.set("ruleDesc", desc(a, "ruleDesc", AlertCatalog.Kind.RULE, a.ruleId));
        n.set("tags", a.tags == null ? Json.object() : a.tags.deepCopy());
        n.set("ruleTags", a.ruleTags == null ? Json.object() : a.ruleTags.deepCopy());
        n.set("metricTags", a.metricTags == null ? Json.object() : a.metricTags.deepCopy());
        n.put("inhibited", false);
        ArrayNode paths = n.putArray("assetPaths");
        trees.assetPaths(a.assetId).forEach(paths::add);
        n.put("createTime", a.createTime).put("updateTime", a.updateTime);
        return n;
    }
}
