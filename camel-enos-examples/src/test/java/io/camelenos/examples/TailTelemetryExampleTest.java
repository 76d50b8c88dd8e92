package io.camelenos.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.data.TimeSeries;
import org.apache.camel.main.Main;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the example as its main() does, against the emulator's time series (a function of asset, point and time, read
 * here straight from the emulator's value model), stopping it and moving the emulator's clock between runs.
 */
class TailTelemetryExampleTest {

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(50));

    @TempDir
    Path dir;

    @Test
    void writesEveryValueOfTheSiteOnceAndARestartResumesWithNoGapAndNoDuplicate() throws Exception {
        EnosSimulator sim = enos.simulator();
        // the emulator's data ends 40 minutes before the wall clock (the consumer reads up to the wall clock): data
        // that reaches EnOS late, which the lookback of the example (2 hours here) reads again
        Instant simNow = Instant.now().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.MINUTES);
        Instant start = simNow.minus(Duration.ofMinutes(30));
        sim.clock().fixAt(simNow);
        String site = sim.dataSet().assetId(0);

        runUntilCaughtUp(site, start);
        Map<String, Integer> first = rows();
        assertSameRows(expected(start, simNow), first.keySet(), "every value of the site's devices in the window");
        assertNoDuplicate(first);

        // stopped; 20 minutes of data come in; a restart on the same state writes just those
        sim.clock().advance(Duration.ofMinutes(20));
        runUntilCaughtUp(site, start);
        Map<String, Integer> second = rows();
        assertSameRows(expected(start, simNow.plus(Duration.ofMinutes(20))), second.keySet(), "no gap");
        assertNoDuplicate(second);
        assertTrue(second.size() > first.size());

        // nothing new: a restart writes nothing
        runUntilCaughtUp(site, start);
        assertEquals(second, rows());
    }

    @Test
    void anUnknownSiteStopsTheExampleWithTheOptionAndTheValue() {
        Main main = example("no-such-site", Instant.now());
        Exception refused = assertThrows(Exception.class, () -> assertTimeoutPreemptively(Duration.ofSeconds(60), () -> main.run()));
        IllegalArgumentException reason = cause(refused, IllegalArgumentException.class);
        assertTrue(reason.getMessage().startsWith("Option tail-telemetry.site-asset-id: no asset no-such-site"),
                reason.getMessage());
    }

    @Test
    void aStartTimeGivenAsADurationCountsBackFromTheFirstRunOnly() {
        MemoryStateRepository state = new MemoryStateRepository();
        Instant firstRun = Instant.parse("2026-01-01T10:00:00Z");
        String first = TailTelemetryRoutes.startTime(state, "site1", "PT1H", Clock.fixed(firstRun, ZoneOffset.UTC));
        String afterALongStop = TailTelemetryRoutes.startTime(state, "site1", "PT1H",
                Clock.fixed(firstRun.plus(Duration.ofDays(3)), ZoneOffset.UTC));

        assertEquals("2026-01-01T09:00:00Z", first);
        assertEquals(first, afterALongStop, "the first run's start, so the stop leaves no gap");
        assertEquals("2025-12-31T23:00:00Z", TailTelemetryRoutes.startTime(state, "site1",
                "2026-01-01T00:00:00+01:00", Clock.systemUTC()), "an instant is taken as it is");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> TailTelemetryRoutes.startTime(state, "site1", "yesterday", Clock.systemUTC()));
        assertTrue(bad.getMessage().startsWith("Option tail-telemetry.start-time must be"), bad.getMessage());
        assertTrue(bad.getMessage().endsWith("was yesterday"), bad.getMessage());
    }

    private void runUntilCaughtUp(String site, Instant start) throws Exception {
        try (ExampleRun run = ExampleRun.start(example(site, start))) {
            run.awaitIdlePolls(1, TailTelemetryRoutes.ROUTE_PREFIX + "EnOS_Wind_Turbine",
                    TailTelemetryRoutes.ROUTE_PREFIX + "EnOS_Meter");
        }
    }

    private Main example(String site, Instant start) {
        Main main = ExampleRun.connectedTo(TailTelemetryExample.createMain(), enos.simulator());
        main.addOverrideProperty("tail-telemetry.site-asset-id", site);
        main.addOverrideProperty("tail-telemetry.start-time", start.toString());
        main.addOverrideProperty("tail-telemetry.lookback", String.valueOf(Duration.ofHours(2).toMillis()));
        main.addOverrideProperty("tail-telemetry.delay", "100");
        main.addOverrideProperty("tail-telemetry.output-dir", dir.resolve("out").toString());
        main.addOverrideProperty("tail-telemetry.state-file", dir.resolve("state.dat").toString());
        return main;
    }

    /** "time,assetId,pointId,value" of every sample of site 0's devices in [from, to], from the emulator's model. */
    private static List<String> expected(Instant from, Instant to) {
        EnosSimulator sim = enos.simulator();
        TimeSeries series = new TimeSeries(sim.dataSet());
        List<String> rows = new ArrayList<>();
        for (int device : sim.dataSet().deviceIndexesOf(0)) {
            ThingModel model = sim.dataSet().modelOf(device);
            for (PointDef point : model.points()) {
                long step = TimeSeries.intervalMillis(point);
                for (long t = TimeSeries.firstSampleAtOrAfter(point, from.toEpochMilli()); t <= to.toEpochMilli(); t += step) {
                    if (series.hasSample(device, point, t)) {
                        rows.add(Instant.ofEpochMilli(t) + "," + sim.dataSet().assetId(device) + "," + point.id()
                                 + "," + Double.valueOf(series.value(device, point, t)));
                    }
                }
            }
        }
        return rows;
    }

    private static void assertSameRows(List<String> expected, Set<String> actual, String message) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> unexpected = new TreeSet<>(actual);
        expected.forEach(unexpected::remove);
        assertEquals(List.of(), List.copyOf(missing), message + ": missing");
        assertEquals(List.of(), List.copyOf(unexpected), message + ": unexpected");
    }

    /** Every data row of every CSV file ("time,assetId,pointId,value" with the value as a double), with its count. */
    private Map<String, Integer> rows() throws IOException {
        Map<String, Integer> rows = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                List<String> lines = Files.readAllLines(file);
                assertEquals(TelemetryRows.HEADER.strip(), lines.get(0), file.toString());
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = line.split(",");
                    assertEquals(5, cells.length, line);
                    assertTrue(file.endsWith(Path.of(cells[1], cells[0].substring(0, 10) + ".csv")), file + ": " + line);
                    rows.merge(cells[0] + "," + cells[1] + "," + cells[2] + "," + Double.valueOf(cells[3]), 1, Integer::sum);
                }
            }
        }
        return rows;
    }

    private static void assertNoDuplicate(Map<String, Integer> rows) {
        rows.forEach((row, count) -> assertEquals(1, count, "written twice: " + row));
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in", e);
    }
}
