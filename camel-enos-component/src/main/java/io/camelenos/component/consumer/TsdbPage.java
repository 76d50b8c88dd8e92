package io.camelenos.component.consumer;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One TSDB answer for a chunk: its records (item format 0 or 1), which points each record carries, whether the page
 * is full (some (asset, point) got pageSize records, so the range goes on) and its largest timestamp.
 */
final class TsdbPage {

    private final TsdbChunk chunk;
    private final JsonNode items;
    private final boolean full;
    private final long maxTimestamp;

    TsdbPage(TsdbChunk chunk, JsonNode items, int pageSize) {
        this.chunk = chunk;
        this.items = items;
        long max = Long.MIN_VALUE;
        boolean anyFull = false;
        // records come grouped by asset (reference order): count each point's records per asset
        int[] counts = new int[chunk.pointIds().size()];
        String asset = null;
        for (JsonNode record : items) {
            String a = record.path("assetId").asText();
            if (!a.equals(asset)) {
                asset = a;
                java.util.Arrays.fill(counts, 0);
            }
            for (int i = 0; i < counts.length; i++) {
                if (record.has(chunk.pointIds().get(i)) && ++counts[i] >= pageSize) {
                    anyFull = true;
                }
            }
            max = Math.max(max, record.path("timestamp").asLong());
        }
        this.full = anyFull;
        this.maxTimestamp = max;
    }

    JsonNode items() {
        return items;
    }

    boolean isFull() {
        return full;
    }

    long maxTimestamp() {
        return maxTimestamp;
    }

    /** The chunk's points present in a record: one in item format 0, several in format 1. */
    List<String> pointsOf(JsonNode record) {
        List<String> points = new ArrayList<>(1);
        for (String point : chunk.pointIds()) {
            if (record.has(point)) {
                points.add(point);
            }
        }
        return points;
    }

    /** The single point of a format-0 record (null when the record carries several). */
    String pointOf(JsonNode record) {
        List<String> points = pointsOf(record);
        return points.size() == 1 ? points.get(0) : null;
    }
}
