package io.camelenos.component.consumer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One TSDB answer for a chunk: its records (item format 0 or 1), and what routing them needs, worked out on the
 * thread that fetched it so that this pass over the records runs beside the routing: each record's asset (as an index
 * into the page's assets), timestamp and point, and per (asset, point) of the page its number of samples and their
 * earliest and latest timestamps. From those: whether the page is full (some (asset, point) got pageSize samples, so
 * the range goes on) and its largest timestamp.
 */
final class TsdbPage {

    /** A record's point index when it carries several of the chunk's points (item format 1) or none. */
    static final int SEVERAL = -1;

    private final TsdbChunkRead read;
    private final long from;
    private final long end;
    private final JsonNode items;
    private final List<String> assets = new ArrayList<>();
    private final int[] assetIndex;
    private final int[] pointIndex;
    private final long[] timestamps;
    private final int points;
    private int[] counts;
    private long[] earliest;
    private long[] latest;
    private boolean several;
    private final boolean full;
    private final long maxTimestamp;
    private boolean lastOfChunk;

    /**
     * @param from  where the request's time range started
     * @param end   where it ended
     * @param items the answer's records
     */
    TsdbPage(TsdbChunkRead read, long from, long end, JsonNode items) {
        this.read = read;
        this.from = from;
        this.end = end;
        this.items = items;
        this.points = read.chunk().pointIds().size();
        this.assetIndex = new int[items.size()];
        this.pointIndex = new int[assetIndex.length];
        this.timestamps = new long[assetIndex.length];
        this.counts = new int[0];
        this.earliest = new long[0];
        this.latest = new long[0];
        Map<String, Integer> indexOf = new HashMap<>();
        String asset = null;
        int a = -1;
        long max = Long.MIN_VALUE;
        for (int r = 0; r < assetIndex.length; r++) {
            JsonNode record = items.get(r);
            String id = record.path("assetId").asText();
            if (!id.equals(asset)) { // records come grouped by asset (reference order): one look-up per group
                asset = id;
                a = indexOf.computeIfAbsent(id, this::addAsset);
            }
            assetIndex[r] = a;
            timestamps[r] = record.path("timestamp").asLong();
            pointIndex[r] = pointsOf(record, r, a);
            max = Math.max(max, timestamps[r]);
        }
        this.full = anyFull(read.pageSize());
        this.maxTimestamp = max;
    }

    /** Counts the record's samples; the index of its one point, else {@link #SEVERAL}. */
    private int pointsOf(JsonNode record, int r, int asset) {
        List<String> pointIds = read.chunk().pointIds();
        int found = SEVERAL;
        int present = 0;
        for (int p = 0; p < points; p++) {
            if (record.has(pointIds.get(p))) {
                int pair = asset * points + p;
                counts[pair]++;
                earliest[pair] = Math.min(earliest[pair], timestamps[r]);
                latest[pair] = Math.max(latest[pair], timestamps[r]);
                found = ++present == 1 ? p : SEVERAL;
            }
        }
        several |= found == SEVERAL;
        return found;
    }

    private int addAsset(String id) {
        assets.add(id);
        int pairs = assets.size() * points;
        counts = Arrays.copyOf(counts, pairs);
        earliest = Arrays.copyOf(earliest, pairs);
        latest = Arrays.copyOf(latest, pairs);
        Arrays.fill(earliest, pairs - points, pairs, Long.MAX_VALUE);
        Arrays.fill(latest, pairs - points, pairs, Long.MIN_VALUE);
        return assets.size() - 1;
    }

    private boolean anyFull(int pageSize) {
        for (int count : counts) {
            if (count >= pageSize) {
                return true;
            }
        }
        return false;
    }

    TsdbChunkRead read() {
        return read;
    }

    /** The records of the answer, as EnOS sent them. */
    JsonNode items() {
        return items;
    }

    int size() {
        return assetIndex.length;
    }

    JsonNode record(int index) {
        return items.get(index);
    }

    String asset(int index) {
        return assets.get(assetIndex[index]);
    }

    long timestamp(int index) {
        return timestamps[index];
    }

    /** The index in the chunk's points of the one point a record carries, or {@link #SEVERAL}. */
    int pointIndex(int index) {
        return pointIndex[index];
    }

    /** How many (asset, point) pairs the page indexes: the page's assets times the chunk's points. */
    int pairs() {
        return counts.length;
    }

    /** The (asset, point) pair of a record that carries one point (not {@link #SEVERAL}). */
    int pair(int index) {
        return assetIndex[index] * points + pointIndex[index];
    }

    /** The asset of a pair index. */
    String assetOfPair(int pair) {
        return assets.get(pair / points);
    }

    /** The chunk's point index of a pair index. */
    int pointOfPair(int pair) {
        return pair % points;
    }

    /** How many samples of the pair the page holds. */
    int count(int pair) {
        return counts[pair];
    }

    /** The pair's earliest timestamp on the page (when it has any). */
    long earliest(int pair) {
        return earliest[pair];
    }

    /** The pair's latest timestamp on the page (when it has any). */
    long latest(int pair) {
        return latest[pair];
    }

    /** Whether some record carries several points, or none (item format 1). */
    boolean hasSeveral() {
        return several;
    }

    boolean isFull() {
        return full;
    }

    long maxTimestamp() {
        return maxTimestamp;
    }

    /** Where the request's time range started. */
    long from() {
        return from;
    }

    /** Whether the request's time range is read with this page (it is not full, or it reached the end). */
    boolean isLastOfRange() {
        return !full || maxTimestamp >= end;
    }

    /** Whether the chunk's whole range is read once this page is routed (told by the page source). */
    boolean isLastOfChunk() {
        return lastOfChunk;
    }

    void lastOfChunk(boolean last) {
        this.lastOfChunk = last;
    }
}
