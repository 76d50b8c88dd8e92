package io.camelenos.simulator.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.time.ZoneId;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The filters both alert API generations share, applied to an {@link Alert} before its JSON is built: occur and
 * recover time bounds (local bounds read in each alert's asset timezone), direct ids, and the 3-month horizon.
 */
final class AlertFilter implements Predicate<Alert> {

    /** History alerts are searchable 3 months back at most (EnOS keeps them that long); active ones always. */
    static final long HORIZON_MILLIS = 90L * 86_400_000L;

    private final AlertBook book;
    AlertTimes.Bound occurFrom;
    AlertTimes.Bound occurTo;
    AlertTimes.Bound recoverFrom;
    AlertTimes.Bound recoverTo;
    String assetId;
    String modelId;
    String pointId;
    /** true: active only; false: history only; null: both. */
    Boolean active;
    long horizon = Long.MIN_VALUE;
    Predicate<Alert> extra = a -> true;

    AlertFilter(AlertBook book) {
        this.book = book;
    }

    /** Reads the occurTime bounds; with {@code required}, both must be present (99400 naming the missing one). */
    void occurBounds(JsonNode body, String fromField, String toField, boolean required) {
        occurFrom = AlertTimes.parse(fromField, body);
        occurTo = AlertTimes.parse(toField, body);
        if (required && occurFrom == null) {
            throw ApiError.missing(fromField);
        }
        if (required && occurTo == null) {
            throw ApiError.missing(toField);
        }
        if (occurFrom != null && occurTo != null && (occurFrom.millis() == null) != (occurTo.millis() == null)) {
            throw ApiError.invalidArgument(toField, fromField + " and " + toField + " must use the same time format");
        }
        if (occurFrom != null && occurTo != null && occurFrom.millis() != null
                && occurFrom.millis() > occurTo.millis()) {
            throw ApiError.invalidArgument(fromField, fromField + " is after " + toField);
        }
    }

    void recoverBounds(JsonNode body, String fromField, String toField) {
        recoverFrom = AlertTimes.parse(fromField, body);
        recoverTo = AlertTimes.parse(toField, body);
    }

    @Override
    public boolean test(Alert a) {
        if (active != null && a.active() != active) {
            return false;
        }
        if ((!a.active() && a.occurTime < horizon) || !extra.test(a)) {
            return false;
        }
        if ((assetId != null && !assetId.equals(a.assetId)) || (modelId != null && !modelId.equals(a.modelId))
                || (pointId != null && !pointId.equals(a.measurepointId))) {
            return false;
        }
        if (occurFrom != null || occurTo != null || recoverFrom != null || recoverTo != null) {
            ZoneId zone = book.zoneOf(a.assetId);
            if ((occurFrom != null && a.occurTime < occurFrom.millisIn(zone))
                    || (occurTo != null && a.occurTime > occurTo.millisIn(zone))) {
                return false;
            }
            if (recoverFrom != null || recoverTo != null) {
                if (a.recoverTime == null) {
                    return false;
                }
                return (recoverFrom == null || a.recoverTime >= recoverFrom.millisIn(zone))
                        && (recoverTo == null || a.recoverTime <= recoverTo.millisIn(zone));
            }
        }
        return true;
    }

    /** Tags as EnOS accepts them: keys of letters, digits, _ - / under 50 characters, values under 200 without edge spaces. */
    static ObjectNode tags(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return Json.object();
        }
        if (!node.isObject()) {
            throw ApiError.invalidArgument(field, "a map of string to string is expected");
        }
        ObjectNode result = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String value = e.getValue().isNull() ? null : e.getValue().asText();
            if (!key.matches("[A-Za-z0-9_/-]{1,49}")) {
                throw ApiError.invalidArgument(field, "invalid tag key '" + key + "'");
            }
            if (value == null || value.length() >= 200 || !value.equals(value.strip())) {
                throw ApiError.invalidArgument(field, "invalid value of tag " + key);
            }
            result.put(key, value);
        }
        return result;
    }
}
