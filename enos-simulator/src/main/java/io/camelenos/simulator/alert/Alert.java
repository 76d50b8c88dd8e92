package io.camelenos.simulator.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One alert as the emulator holds it, independent of the two API generations that show it. Generated alerts are
 * rebuilt on each query; API-created ones live in {@link AlertBook}. Event types follow EnOS: 0 recovered by the
 * system, 1 triggered by the system, 2 recovered through the API, 3 inserted through the API.
 */
final class Alert {

    static final int SYSTEM_RECOVERED = 0;
    static final int SYSTEM_TRIGGERED = 1;
    static final int API_RECOVERED = 2;
    static final int API_INSERTED = 3;

    String eventId;
    String assetId;
    String modelId;
    String modelIdPath;
    String measurepointId;
    String deviceStatus;
    String ruleId;
    JsonNode value;
    long occurTime;
    String localOccurTime;
    long createTime;
    long updateTime;
    String severityId;
    String typeId;
    String subTypeId;
    String contentId;
    /** Descriptions sent by the creator ({@code severityDesc}, {@code typeDesc}, ...); the catalogue's otherwise. */
    ObjectNode descs;
    ObjectNode tags;
    ObjectNode ruleTags;
    ObjectNode metricTags;
    int eventType;
    Long recoverTime;
    String localRecoverTime;
    String recoverReason;
    boolean generated;

    boolean active() {
        return recoverTime == null;
    }

    Alert copy() {
        Alert a = new Alert();
        a.eventId = eventId;
        a.assetId = assetId;
        a.modelId = modelId;
        a.modelIdPath = modelIdPath;
        a.measurepointId = measurepointId;
        a.deviceStatus = deviceStatus;
        a.ruleId = ruleId;
        a.value = value;
        a.occurTime = occurTime;
        a.localOccurTime = localOccurTime;
        a.createTime = createTime;
        a.updateTime = updateTime;
        a.severityId = severityId;
        a.typeId = typeId;
        a.subTypeId = subTypeId;
        a.contentId = contentId;
        a.descs = descs == null ? null : descs.deepCopy();
        a.tags = tags == null ? null : tags.deepCopy();
        a.ruleTags = ruleTags == null ? null : ruleTags.deepCopy();
        a.metricTags = metricTags == null ? null : metricTags.deepCopy();
        a.eventType = eventType;
        a.recoverTime = recoverTime;
        a.localRecoverTime = localRecoverTime;
        a.recoverReason = recoverReason;
        a.generated = generated;
        return a;
    }
}
