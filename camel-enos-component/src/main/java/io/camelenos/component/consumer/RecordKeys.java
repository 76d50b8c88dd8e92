package io.camelenos.component.consumer;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds the id of a search record: the configured field, else the first id field EnOS uses that the record has.
 */
final class RecordKeys {

    /**
     * Most specific first: an alert, event or command record also names its asset, a rule or content its model, a
     * batch flow instance its flow. The App Portal names its users userId or id, and its assets id.
     */
    private static final List<String> KNOWN = List.of("eventId", "alertId", "commandId", "ruleId", "contentId",
            "typeId", "severityId", "treeId", "assetId", "deviceKey", "productKey", "modelId", "instanceId", "flowId",
            "pipelineId", "userId", "id");

    private final String configured;
    private String found;

    RecordKeys(String configured) {
        this.configured = configured;
    }

    /** The record's key, or null when it has none (such records are never de-duplicated). */
    String of(JsonNode record) {
        String field = field(record);
        if (field == null) {
            return null;
        }
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The key field in use (after the first record), for the body of a deletion. */
    String field() {
        return configured != null ? configured : found == null ? "id" : found;
    }

    private String field(JsonNode record) {
        if (configured != null) {
            return configured;
        }
        if (found == null) {
            // every record of a search has the same shape: look once
            found = KNOWN.stream().filter(record::has).findFirst().orElse(null);
        }
        return found;
    }
}
