package io.camelenos.component.consumer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.data.TimeSeries;

/**
 * What a TSDB read of turbines over [start, end] must deliver, from the emulator's own value model, and what a
 * consumer has delivered: one bit per (asset, point, sample), so that a gap or a duplicate shows.
 */
final class TsdbExpectation {

    static final List<String> POINTS = ThingModels.WIND_TURBINE.points().stream().map(PointDef::id).toList();

    final List<String> assetIds = new ArrayList<>();
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final Map<String, BitSet> delivered = new HashMap<>();
    private final EnosSimulator sim;
    private final long start;
    private final long end;
    private long duplicates;
    private long unexpected;
    private long count;

    TsdbExpectation(EnosSimulator sim, int turbines, long start, long end) {
        this.sim = sim;
        this.start = start;
        this.end = end;
        for (int i = 0; assetIds.size() < turbines; i++) {
            if (sim.dataSet().modelOf(i).modelId().equals(ThingModels.WIND_TURBINE.modelId())) {
                assetIds.add(sim.dataSet().assetId(i));
                indexOf.put(sim.dataSet().assetId(i), i);
            }
        }
    }

    /** Counts the records of one exchange body: a record, or an array of records (item format 0). */
    synchronized void deliver(JsonNode body) {
        if (body.isArray()) {
            body.forEach(this::deliverOne);
        } else {
            deliverOne(body);
        }
    }

    private void deliverOne(JsonNode record) {
        String asset = record.path("assetId").asText();
        long ts = record.path("timestamp").asLong();
        for (String point : POINTS) {
            if (record.has(point)) {
                PointDef def = ThingModels.WIND_TURBINE.point(point);
                long interval = TimeSeries.intervalMillis(def);
                if (!indexOf.containsKey(asset) || ts < start || ts > end || ts % interval != 0) {
                    unexpected++;
                    continue;
                }
                int bit = (int) ((ts - TimeSeries.firstSampleAtOrAfter(def, start)) / interval);
                BitSet bits = delivered.computeIfAbsent(asset + "/" + point, k -> new BitSet());
                if (bits.get(bit)) {
                    duplicates++;
                }
                bits.set(bit);
                count++;
            }
        }
    }

    synchronized long count() {
        return count;
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long unexpected() {
        return unexpected;
    }

    /** Samples the emulator holds in the range but nobody delivered. */
    synchronized long missing() {
        TimeSeries series = new TimeSeries(sim.dataSet());
        long missing = 0;
        for (String asset : assetIds) {
            for (String point : POINTS) {
                PointDef def = ThingModels.WIND_TURBINE.point(point);
                BitSet bits = delivered.getOrDefault(asset + "/" + point, new BitSet());
                long first = TimeSeries.firstSampleAtOrAfter(def, start);
                for (long t = first; t <= end; t += TimeSeries.intervalMillis(def)) {
                    boolean has = series.hasSample(indexOf.get(asset), def, t);
                    if (has != bits.get((int) ((t - first) / TimeSeries.intervalMillis(def)))) {
                        missing += has ? 1 : 0;
                        unexpected += has ? 0 : 1;
                    }
                }
            }
        }
        return missing;
    }

    /** How many samples of one point the emulator holds in the range. */
    long expectedOf(String point) {
        TimeSeries series = new TimeSeries(sim.dataSet());
        PointDef def = ThingModels.WIND_TURBINE.point(point);
        long n = 0;
        for (String asset : assetIds) {
            for (long t = TimeSeries.firstSampleAtOrAfter(def, start); t <= end; t += TimeSeries.intervalMillis(def)) {
                n += series.hasSample(indexOf.get(asset), def, t) ? 1 : 0;
            }
        }
        return n;
    }

    /** How many samples the emulator holds in the range. */
    long expected() {
        TimeSeries series = new TimeSeries(sim.dataSet());
        long n = 0;
        for (String asset : assetIds) {
            for (String point : POINTS) {
                PointDef def = ThingModels.WIND_TURBINE.point(point);
                for (long t = TimeSeries.firstSampleAtOrAfter(def, start); t <= end; t += TimeSeries.intervalMillis(def)) {
                    n += series.hasSample(indexOf.get(asset), def, t) ? 1 : 0;
                }
            }
        }
        return n;
    }
}
