package io.camelenos.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.data.TimeSeries;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/** Reads TSDB samples through the enos: TSDB consumer into a map (asset/point/timestamp → value). */
final class TsdbSeries {

    static final List<String> POINTS = ThingModels.WIND_TURBINE.points().stream().map(PointDef::id).toList();

    record Counts(Map<String, String> values, long duplicates) {
    }

    private TsdbSeries() {
    }

    /** The samples the emulator's own value model holds for these turbines over [start, end]: what a read must find. */
    static Set<String> expected(EnosSimulator sim, int turbines, long start, long end) {
        TimeSeries series = new TimeSeries(sim.dataSet());
        Set<String> keys = new HashSet<>();
        int found = 0;
        for (int i = 0; found < turbines; i++) {
            if (!sim.dataSet().modelOf(i).modelId().equals(ThingModels.WIND_TURBINE.modelId())) {
                continue;
            }
            found++;
            for (PointDef def : ThingModels.WIND_TURBINE.points()) {
                for (long t = TimeSeries.firstSampleAtOrAfter(def, start); t <= end; t += TimeSeries.intervalMillis(def)) {
                    if (series.hasSample(i, def, t)) {
                        keys.add(sim.dataSet().assetId(i) + "/" + def.id() + "/" + t);
                    }
                }
            }
        }
        return keys;
    }

    static List<String> turbines(EnosSimulator sim, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; ids.size() < count; i++) {
            if (sim.dataSet().modelOf(i).modelId().equals(ThingModels.WIND_TURBINE.modelId())) {
                ids.add(sim.dataSet().assetId(i));
            }
        }
        return ids;
    }

    /** Reads until the expected number of samples came (or none came for 30 s), then a second more. */
    static Counts readCounting(CamelContext context, String uri, long expected) throws Exception {
        Map<String, String> values = new ConcurrentHashMap<>();
        AtomicLong duplicates = new AtomicLong();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> collect(e.getMessage().getBody(JsonNode.class), values, duplicates));
            }
        });
        context.start();
        long last = -1;
        long stillSince = System.currentTimeMillis();
        while (values.size() < expected && System.currentTimeMillis() - stillSince < 30_000) {
            Thread.sleep(100);
            if (values.size() != last) {
                last = values.size();
                stillSince = System.currentTimeMillis();
            }
        }
        Thread.sleep(1000); // a finished backfill reads nothing more: anything now would be a duplicate
        context.stop();
        return new Counts(values, duplicates.get());
    }

    static void collect(JsonNode body, Map<String, String> values, AtomicLong duplicates) {
        for (JsonNode record : body.isArray() ? body : List.of(body)) {
            for (String point : POINTS) {
                if (record.has(point)) {
                    String key = record.path("assetId").asText() + "/" + point + "/" + record.path("timestamp").asLong();
                    if (values.put(key, record.get(point).toString()) != null) {
                        duplicates.incrementAndGet();
                    }
                }
            }
        }
    }
}
