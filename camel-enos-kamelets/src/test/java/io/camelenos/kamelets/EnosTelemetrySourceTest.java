package io.camelenos.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.TimeSeries;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * enos-telemetry-source run from a YAML route by Camel's Kamelet runtime, against the emulator's time series (a
 * function of asset, point and time, read here straight from the emulator's value model).
 */
class EnosTelemetrySourceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(25));

    @TempDir
    Path dir;

    @Test
    void sendsEverySampleOnceAndARestartResumesFromTheWatermarks() throws Exception {
        EnosSimulator sim = enos.simulator();
        Instant simNow = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        Instant start = simNow.minus(Duration.ofMinutes(30));
        sim.clock().fixAt(simNow);
        List<PointDef> points = sim.dataSet().modelOf(1).points().subList(0, 2);

        Set<String> first = expected(points, start, simNow);
        assertFalse(first.isEmpty());
        try (KameletRun run = start(points, start, simNow)) {
            assertEquals(first, samples(run.receive(first.size())), "every sample of the window, none twice");
            // a bounded read sends no request once every pair reached endTime: give it ten polls' time
            Thread.sleep(1000);
            assertEquals(List.of(), run.drain(), "nothing new: nothing sent");
        }

        // stopped; 20 minutes of data come in; a restart on the same watermarks sends just those
        sim.clock().advance(Duration.ofMinutes(20));
        Instant later = simNow.plus(Duration.ofMinutes(20));
        Set<String> second = expected(points, start, later);
        second.removeAll(first);
        assertFalse(second.isEmpty());
        try (KameletRun run = start(points, start, later)) {
            assertEquals(second, samples(run.receive(second.size())), "the new samples only, with no gap");
            Thread.sleep(1000);
            assertEquals(List.of(), run.drain(), "nothing sent twice");
        }
    }

    private KameletRun start(List<PointDef> points, Instant start, Instant end) throws InterruptedException {
        EnosSimulator sim = enos.simulator();
        return KameletRun.start(sim, KameletRun.route("telemetry-source.camel.yaml"), Map.of(
                "state.file", dir.resolve("tsdb.state").toString(),
                "assets", sim.dataSet().assetId(1) + "," + sim.dataSet().assetId(2),
                "points", points.get(0).id() + "," + points.get(1).id(),
                "start", start.toString(),
                "end", end.toString()));
    }

    /** "assetId,pointId,timestamp,value" of each message, checked against its headers; fails on a sample sent twice. */
    private static Set<String> samples(List<Exchange> exchanges) throws Exception {
        List<String> samples = new ArrayList<>();
        for (Exchange e : exchanges) {
            JsonNode record = MAPPER.readTree(e.getMessage().getBody(String.class));
            String point = e.getMessage().getHeader("CamelEnosPointId", String.class);
            assertEquals(record.path("assetId").asText(), e.getMessage().getHeader("CamelEnosAssetId"));
            assertEquals(record.path("timestamp").asLong(), e.getMessage().getHeader("CamelEnosTimestamp", Long.class));
            samples.add(record.path("assetId").asText() + "," + point + "," + record.path("timestamp").asLong() + ","
                        + record.path(point).asDouble());
        }
        Set<String> distinct = new HashSet<>(samples);
        assertEquals(samples.size(), distinct.size(), "no sample twice");
        return distinct;
    }

    /** The samples of devices 1 and 2 at the points in [from, to], from the emulator's value model. */
    private static Set<String> expected(List<PointDef> points, Instant from, Instant to) {
        EnosSimulator sim = enos.simulator();
        TimeSeries series = new TimeSeries(sim.dataSet());
        Set<String> samples = new HashSet<>();
        for (int device : new int[] {1, 2}) {
            for (PointDef point : points) {
                long step = TimeSeries.intervalMillis(point);
                for (long t = TimeSeries.firstSampleAtOrAfter(point, from.toEpochMilli()); t <= to.toEpochMilli(); t += step) {
                    if (series.hasSample(device, point, t)) {
                        samples.add(sim.dataSet().assetId(device) + "," + point.id() + "," + t + ","
                                    + series.value(device, point, t));
                    }
                }
            }
        }
        return samples;
    }
}
