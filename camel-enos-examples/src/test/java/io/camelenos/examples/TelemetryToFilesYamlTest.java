package io.camelenos.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.TimeSeries;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * yaml/telemetry-to-files.camel.yaml run by camel-main against the emulator's time series (read here straight from the
 * emulator's value model), stopped and restarted on the same watermarks.
 */
class TelemetryToFilesYamlTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ROUTE_ID = "yaml-telemetry-to-files";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(25));

    @TempDir
    Path dir;

    @Test
    void writesEverySampleOnceInTheFileOfItsDayAndARestartResumesWithNoGap() throws Exception {
        EnosSimulator sim = enos.simulator();
        // the emulator's data ends 40 minutes before the wall clock, up to which the consumer reads
        Instant simNow = Instant.now().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.MINUTES);
        Instant start = simNow.minus(Duration.ofMinutes(20));
        sim.clock().fixAt(simNow);
        List<PointDef> points = sim.dataSet().modelOf(1).points().subList(0, 2);

        run(start, points);
        Set<String> first = writtenSamples();
        assertEquals(expected(points, start, simNow), first, "every sample of the turbines in the window, none twice");

        sim.clock().advance(Duration.ofMinutes(10));
        run(start, points);
        assertEquals(expected(points, start, simNow.plus(Duration.ofMinutes(10))), writtenSamples(),
                "after a restart: the new samples too, with no gap and none twice");
    }

    private void run(Instant start, List<PointDef> points) throws Exception {
        Main main = YamlExample.main("telemetry-to-files.camel.yaml", enos.simulator());
        main.addOverrideProperty("yaml-telemetry.asset-expression", "modelId = 'EnOS_Wind_Turbine'");
        main.addOverrideProperty("yaml-telemetry.points", points.get(0).id() + "," + points.get(1).id());
        main.addOverrideProperty("yaml-telemetry.start-time", start.toString());
        main.addOverrideProperty("yaml-telemetry.lookback", String.valueOf(Duration.ofHours(2).toMillis()));
        main.addOverrideProperty("yaml-telemetry.delay", "100");
        main.addOverrideProperty("yaml-telemetry.output-dir", dir.resolve("out").toString());
        main.addOverrideProperty("yaml-telemetry.state-file", dir.resolve("state.dat").toString());
        try (ExampleRun run = ExampleRun.start(main)) {
            run.awaitIdlePolls(1, ROUTE_ID);
        }
    }

    /** "assetId,pointId,timestamp,value" of every line of every day file; fails on a line twice or in the wrong file. */
    private Set<String> writtenSamples() throws Exception {
        List<String> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    JsonNode sample = MAPPER.readTree(line);
                    long t = sample.path("timestamp").asLong();
                    assertEquals(Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).toLocalDate() + ".jsonl",
                            file.getFileName().toString(), "the file of the sample's UTC day");
                    sample.fieldNames().forEachRemaining(field -> {
                        if (!List.of("assetId", "timestamp", "localtime").contains(field)) {
                            samples.add(sample.path("assetId").asText() + "," + field + "," + t + ","
                                        + sample.path(field).asDouble());
                        }
                    });
                }
            }
        }
        Set<String> distinct = new HashSet<>(samples);
        assertEquals(samples.size(), distinct.size(), "no sample twice");
        return distinct;
    }

    /** The samples of every wind turbine at the points in [from, to], from the emulator's value model. */
    private static Set<String> expected(List<PointDef> points, Instant from, Instant to) {
        EnosSimulator sim = enos.simulator();
        TimeSeries series = new TimeSeries(sim.dataSet());
        Set<String> samples = new HashSet<>();
        for (int asset = 0; asset < sim.dataSet().assets().size(); asset++) {
            if (!sim.dataSet().modelOf(asset).modelId().equals("EnOS_Wind_Turbine")) {
                continue;
            }
            for (PointDef point : points) {
                long step = TimeSeries.intervalMillis(point);
                for (long t = TimeSeries.firstSampleAtOrAfter(point, from.toEpochMilli()); t <= to.toEpochMilli(); t += step) {
                    if (series.hasSample(asset, point, t)) {
                        samples.add(sim.dataSet().assetId(asset) + "," + point.id() + "," + t + "," + series.value(asset, point, t));
                    }
                }
            }
        }
        assertFalse(samples.isEmpty());
        return samples;
    }
}
