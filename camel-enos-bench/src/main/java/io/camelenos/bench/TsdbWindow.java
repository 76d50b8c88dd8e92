package io.camelenos.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The TSDB read both TSDB drains make: the same turbines, the two 1-minute points of the wind turbine model, from
 * 2024-02-01 for some days, in item format 0 (one record per asset, point and timestamp).
 *
 * @param assetIds the turbines
 * @param pageSize records per (asset, point) per request
 * @param days     how many days the window spans
 */
public record TsdbWindow(List<String> assetIds, int pageSize, int days) {

    static final List<String> POINTS = List.of("WTG.GenActivePW", "WTG.WindSpeed");

    Instant start() {
        return Instant.parse("2024-02-01T00:00:00Z");
    }

    /** The last millisecond of the window. */
    Instant end() {
        return start().plus(Duration.ofDays(days)).minusMillis(1);
    }

    /** Tallies the samples of one format-0 record (one point each; the check is the same for every drain). */
    static void tally(JsonNode record, Tally tally) {
        String asset = record.path("assetId").asText();
        long timestamp = record.path("timestamp").asLong();
        for (String point : POINTS) {
            if (record.has(point)) {
                tally.sample(asset, point, timestamp);
            }
        }
    }
}
