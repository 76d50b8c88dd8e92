package io.camelenos.component.consumer;

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
    private final String[] assets;
    private final long[] timestamps;
    private final boolean full;
    private final long maxTimestamp;

    TsdbPage(TsdbChunkRead read, JsonNode items) {
        this.read = read;
        this.items = items;
        List<String> points = read.chunk().pointIds();
        this.pointIndex = new int[items.size()];
        this.assets = new String[pointIndex.length];
        this.timestamps = new long[pointIndex.length];
        long max = Long.MIN_VALUE;
        boolean anyFull = false;
        // records come grouped by asset (reference order): count each point's records per asset
        int[] counts = new int[points.size()];
        String asset = null;
        for (int r = 0; r < pointIndex.length; r++) {
            JsonNode record = items.get(r);
            String a = record.path("assetId").asText();
            assets[r] = a;
            timestamps[r] = record.path("timestamp").asLong();
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
            max = Math.max(max, timestamps[r]);
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

    String asset(int index) {
        return assets[index];
    }

    long timestamp(int index) {
        return timestamps[index];
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
}
