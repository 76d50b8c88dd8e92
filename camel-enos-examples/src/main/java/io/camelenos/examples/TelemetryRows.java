package io.camelenos.examples;

import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The CSV files of the telemetry tail: one file per asset and UTC day, {@code <assetId>/<yyyy-MM-dd>.csv}, with a
 * header line, then one row per sample of one measure point: {@code time} (ISO 8601 UTC), {@code assetId},
 * {@code pointId}, {@code value} (as EnOS gives it; text quoted as CSV needs, structured values as JSON) and
 * {@code localTime} (EnOS's local time of the sample in the asset's timezone).
 */
final class TelemetryRows {

    static final String HEADER = "time,assetId,pointId,value,localTime\n";

    private TelemetryRows() {
    }

    /** The file a sample goes to, relative to the output directory. */
    static String fileName(String assetId, long timestamp) {
        return assetId + "/" + Instant.ofEpochMilli(timestamp).atOffset(ZoneOffset.UTC).toLocalDate() + ".csv";
    }

    /** The row of one point of a TSDB record ({@code itemFormat=0}: {@code {assetId, timestamp, <pointId>, localtime}}). */
    static String row(JsonNode record, String pointId) {
        return CsvRows.line(Instant.ofEpochMilli(record.path("timestamp").asLong()).toString(),
                record.path("assetId").asText(), pointId, value(record.get(pointId)),
                record.path("localtime").asText(""));
    }

    private static String value(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
