package io.camelenos.component.consumer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One TSDB answer for a chunk: its records (item format 0 or 1), the chunk point each format-0 record carries,
 * whether the page is full (some (asset, point) got pageSize records, so the range goes on) and its largest
 * timestamp. Built on the thread that fetched it, so that this pass over the records runs beside the routing.
 */
final class TsdbPage {

    /** A record's point index when it carries several of the chunk's points (item format 1) or none. */
    static final int SEVERAL = -1;

    private final TsdbChunkRead read;
    private final JsonNode items;
    private final int[] pointIndex;
    private final boolean full;
    private final long maxTimestamp;

    TsdbPage(TsdbChunkRead read, JsonNode items) {
        this.read = read;
        this.items = items;
        List<String> points = read.chunk().pointIds();
        this.pointIndex = new int[items.size()];
        long max = Long.MIN_VALUE;
        boolean anyFull = false;
        // records come grouped by asset (reference order): count each point's records per asset
        int[] counts = new int[points.size()];
        String asset = null;
        for (int r = 0; r < pointIndex.length; r++) {
            JsonNode record = items.get(r);
            String a = record.path("assetId").asText();
            if (!a.equals(asset)) {
                asset = a;
                Arrays.fill(counts, 0);
            }
            pointIndex[r] = SEVERAL;
            int present = 0;
            for (int i = 0; i < counts.length; i++) {
                if (record.has(points.get(i))) {
                    pointIndex[r] = ++present == 1 ? i : SEVERAL;
                    anyFull |= ++counts[i] >= read.pageSize();
                }
            }
            if (present == 0) {
                pointIndex[r] = SEVERAL;
            }
            max = Math.max(max, record.path("timestamp").asLong());
        }
        this.full = anyFull;
        this.maxTimestamp = max;
    }

    TsdbChunkRead read() {
        return read;
    }

    int size() {
        return pointIndex.length;
    }

    JsonNode record(int index) {
        return items.get(index);
    }

    /** The index in the chunk's points of the one point a record carries, or {@link #SEVERAL}. */
    int pointIndex(int index) {
        return pointIndex[index];
    }

    boolean isFull() {
        return full;
    }

    long maxTimestamp() {
        return maxTimestamp;
    }

    /** Whether the chunk's range is read with this page (it is not full, or it reached the end). */
    boolean isLastOfChunk() {
        return !full || maxTimestamp >= read.end();
    }

    /** The chunk's points present in a record: one in item format 0, several in format 1. */
    List<String> pointsOf(JsonNode record) {
        List<String> points = new ArrayList<>(1);
        for (String point : read.chunk().pointIds()) {
            if (record.has(point)) {
                points.add(point);
            }
        }
        return points;
    }
}
