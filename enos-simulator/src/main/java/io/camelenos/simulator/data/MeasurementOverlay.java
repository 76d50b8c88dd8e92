package io.camelenos.simulator.data;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Measure-point values written through the API (an integration upload, a TSDB write) on top of the computed
 * {@link TimeSeries}: a written sample replaces the computed one at the same timestamp, or adds one between samples.
 * Also keeps when the latest value of a point was deleted ({@code tsdb-service latest?action=delete}).
 * Shared between services: {@code context.shared(MeasurementOverlay.class, c -> new MeasurementOverlay())}.
 */
public final class MeasurementOverlay {

    /** A written value (a JSON number or string) and its quality flag. */
    public record Sample(JsonNode value, int quality) {
    }

    private final Map<String, NavigableMap<Long, Sample>> written = new ConcurrentHashMap<>();
    private final Map<String, Long> latestDeletedAt = new ConcurrentHashMap<>();

    private static String key(String assetId, String pointId) {
        return assetId + '\u0000' + pointId;
    }

    public void write(String assetId, String pointId, long millis, JsonNode value, int quality) {
        written.computeIfAbsent(key(assetId, pointId), k -> new ConcurrentSkipListMap<>())
                .put(millis, new Sample(value, quality));
    }

    /** The written samples of a point by timestamp, or null when none was written. */
    public NavigableMap<Long, Sample> written(String assetId, String pointId) {
        if (written.isEmpty()) {
            return null;
        }
        NavigableMap<Long, Sample> samples = written.get(key(assetId, pointId));
        return samples == null ? null : Collections.unmodifiableNavigableMap(samples);
    }

    /** Hides the latest value of a point: "latest" answers only samples after {@code nowMillis} from now on. */
    public void deleteLatest(String assetId, String pointId, long nowMillis) {
        latestDeletedAt.put(key(assetId, pointId), nowMillis);
    }

    /** When the latest value of a point was last deleted, or {@link Long#MIN_VALUE} when never. */
    public long latestDeletedAt(String assetId, String pointId) {
        if (latestDeletedAt.isEmpty()) {
            return Long.MIN_VALUE;
        }
        return latestDeletedAt.getOrDefault(key(assetId, pointId), Long.MIN_VALUE);
    }
}
