package io.camelenos.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulator;

/**
 * {@code kill -9} a TSDB consumer backfilling 7 days under the fault mix, at random moments, N times, then let it
 * finish: prints the restarts that failed, the samples missing against a fault-free read, and the samples delivered
 * twice (those of the exchange a kill interrupted, whose watermark was not saved yet).
 *
 * <pre>./mvnw -q -o -pl camel-enos-bench exec:java -Dexec.mainClass=io.camelenos.bench.TsdbKillRestartHarness \
 *   -Dexec.args="--kills 20 --turbines 10"</pre>
 */
public final class TsdbKillRestartHarness {

    private TsdbKillRestartHarness() {
    }

    public static void main(String[] args) throws Exception {
        int kills = FaultMixHarness.intArg(args, "--kills", 20);
        int turbines = FaultMixHarness.intArg(args, "--turbines", 10);
        Path dir = Files.createTempDirectory("tsdb-kill");
        Path state = dir.resolve("tsdb.state");
        Path out = dir.resolve("samples.txt");
        try (EnosSimulator sim = EnosSimulator.builder().assets(2000).seed(42).authMode(AuthMode.STRICT)
                .tokenTtlSeconds(30).requestLogCapacity(0).build().start()) {
            String assets = String.join(",", TsdbSeries.turbines(sim, turbines));
            String points = String.join(",", TsdbSeries.POINTS);
            Set<String> expected = TsdbSeries.expected(sim, turbines, FaultMixHarness.START, FaultMixHarness.END);
            FaultMixHarness.mix(sim.faults());
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), TsdbKillChild.class.getName(), sim.baseUrl(), sim.appKey(),
                    sim.appSecret(), sim.orgId(), state.toString(), out.toString(), assets, points);
            Random random = new Random();
            int failedRestarts = 0;
            long started = System.nanoTime();
            for (int kill = 0; kill < kills; kill++) {
                Process child = new ProcessBuilder(command).redirectError(dir.resolve("err-" + kill).toFile()).start();
                if (!awaitStarted(child)) {
                    failedRestarts++;
                }
                Thread.sleep(200 + random.nextInt(1500));
                child.destroyForcibly();
                child.waitFor();
            }
            Process last = new ProcessBuilder(command).redirectError(dir.resolve("err-last").toFile()).start();
            if (!awaitStarted(last)) {
                failedRestarts++;
            }
            awaitAll(out, expected.size());
            last.destroyForcibly();
            last.waitFor();
            report(kills, failedRestarts, expected, out, (System.nanoTime() - started) / 1e9);
        }
    }

    private static boolean awaitStarted(Process child) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (in.ready()) {
                String line = in.readLine();
                if ("started".equals(line)) {
                    return true;
                }
            } else if (!child.isAlive()) {
                return false;
            } else {
                Thread.sleep(10);
            }
        }
        return false;
    }

    private static void awaitAll(Path out, int expected) throws Exception {
        long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(5);
        while (distinct(out).size() < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        Thread.sleep(1000);
    }

    private static Set<String> distinct(Path out) throws Exception {
        Set<String> lines = new HashSet<>();
        if (Files.exists(out)) {
            for (String line : Files.readAllLines(out)) {
                if (line.chars().filter(c -> c == '/').count() == 2) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static void report(int kills, int failedRestarts, Set<String> expected, Path out, double seconds)
            throws Exception {
        List<String> lines = Files.readAllLines(out);
        Set<String> delivered = distinct(out);
        long missing = expected.stream().filter(k -> !delivered.contains(k)).count();
        long unexpected = delivered.stream().filter(k -> !expected.contains(k)).count();
        System.out.printf("TSDB 7-day backfill, %d kill -9 + final run: failed restarts %d, samples %d of %d, missing %d,"
                          + " unexpected %d, delivered twice %d (%.1f%%), %.1f s%n", kills, failedRestarts,
                delivered.size(), expected.size(), missing, unexpected, lines.size() - delivered.size(),
                100.0 * (lines.size() - delivered.size()) / Math.max(1, delivered.size()), seconds);
    }
}
