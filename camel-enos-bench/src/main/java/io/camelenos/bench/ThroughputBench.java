package io.camelenos.bench;

import io.camelenos.bench.replay.ReplayProcess;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the same result with each peer, side by side in one run, from a {@link ReplayProcess} (recorded answers
 * served from memory by another JVM, with an optional delay per request), and prints records per second beside the
 * client's CPU time per 100,000 records: a warm-up round that checks each peer receives every record exactly once,
 * then interleaved rounds, each checked against the warm-up, with the best and the median of each figure and its
 * ratio to the first peer (the bare JDK loop).
 *
 * <pre>./mvnw -q -o -pl camel-enos-bench exec:exec -Dexec.executable=java \
 *   -Dexec.args="-classpath %classpath io.camelenos.bench.ThroughputBench --suite search --assets 100000 --rounds 5"</pre>
 */
public final class ThroughputBench {

    /** Which peers to compare. */
    public enum Suite { SEARCH, TSDB }

    /** The settings of one run. */
    public record Settings(Suite suite, int assets, int rounds, int pageSize, long delayMillis, int turbines,
                           int days, String enosOptions, String only) {

        public Settings(Suite suite, int assets, int rounds, int pageSize, long delayMillis, int turbines, int days,
                        String enosOptions) {
            this(suite, assets, rounds, pageSize, delayMillis, turbines, days, enosOptions, "");
        }
    }

    /** The figures of one peer over the measured rounds. */
    public record Figures(String name, List<Double> recordsPerSecond, List<Double> cpuMillisPer100k, long records) {

        double bestRate() {
            return recordsPerSecond.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        double medianRate() {
            return median(recordsPerSecond);
        }

        double bestCpu() {
            return cpuMillisPer100k.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        }

        double medianCpu() {
            return median(cpuMillisPer100k);
        }

        /**
         * The client's CPU time per second of the drain at the medians (1.0 = one core busy the whole time): far below
         * the cores there are while records/s stays short of what the latency allows, the client is waiting for the
         * CPU the machine's other processes hold, not for the page source.
         */
        double medianCores() {
            return medianRate() * medianCpu() / 1e8;
        }
    }

    private ThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings(Suite.valueOf(arg(args, "--suite", "search").toUpperCase()),
                Integer.parseInt(arg(args, "--assets", "100000")), Integer.parseInt(arg(args, "--rounds", "5")),
                Integer.parseInt(arg(args, "--page-size", "1000")), Long.parseLong(arg(args, "--delay-ms", "0")),
                Integer.parseInt(arg(args, "--turbines", "20")), Integer.parseInt(arg(args, "--days", "7")),
                arg(args, "--enos-options", ""), arg(args, "--only", ""));
        print(settings, run(settings));
    }

    /** Runs every peer of the suite and returns their figures, the reference (bare JDK loop) first. */
    public static Map<String, Figures> run(Settings settings) throws Exception {
        try (ReplayProcess replay = ReplayProcess.start(settings.assets(), settings.delayMillis())) {
            List<Drain> drains = new ArrayList<>(settings.suite() == Suite.SEARCH ? searchPeers(replay, settings)
                    : tsdbPeers(replay, settings));
            // --only keeps the reference and the peers whose name contains the text (for a profiler run)
            for (int i = drains.size() - 1; i > 0 && !settings.only().isEmpty(); i--) {
                if (!drains.get(i).name().contains(settings.only())) {
                    drains.remove(i).close();
                }
            }
            try {
                return measure(drains, settings);
            } finally {
                for (Drain drain : drains) {
                    drain.close();
                }
            }
        }
    }

    static List<Drain> searchPeers(ReplayProcess r, Settings s) throws Exception {
        List<Drain> drains = new ArrayList<>();
        drains.add(new BareJdkDrain(r.url(), r.orgId(), r.appKey(), r.appSecret(), s.pageSize()));
        drains.add(new CamelHttpDrain(r.url(), r.orgId(), r.appKey(), r.appSecret(), s.pageSize()));
        drains.add(new EnosSdkDrain(r.url(), r.orgId(), r.appKey(), r.appSecret(), s.pageSize()));
        drains.add(new EnosConsumerDrain(r.url(), r.orgId(), r.appKey(), r.appSecret(), s.pageSize(), false,
                s.enosOptions()));
        drains.add(new EnosConsumerDrain(r.url(), r.orgId(), r.appKey(), r.appSecret(), s.pageSize(), true,
                s.enosOptions()));
        drains.add(new EnosFetchAllDrain(r.url(), r.orgId(), r.appKey(), r.appSecret(), s.pageSize(),
                s.enosOptions()));
        return drains;
    }

    static List<Drain> tsdbPeers(ReplayProcess r, Settings s) throws Exception {
        List<String> turbines = r.turbines().subList(0, Math.min(s.turbines(), r.turbines().size()));
        TsdbWindow window = new TsdbWindow(turbines, s.pageSize(), s.days());
        List<Drain> drains = new ArrayList<>();
        drains.add(new RawTsdbDrain(r.url(), r.orgId(), r.appKey(), r.appSecret(), window));
        drains.add(new EnosTsdbDrain(r.url(), r.orgId(), r.appKey(), r.appSecret(), window, false, s.enosOptions()));
        drains.add(new EnosTsdbDrain(r.url(), r.orgId(), r.appKey(), r.appSecret(), window, true, s.enosOptions()));
        return drains;
    }

    private static Map<String, Figures> measure(List<Drain> drains, Settings settings) throws Exception {
        Tally reference = warmUp(drains, settings);
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (Drain drain : drains) {
            figures.put(drain.name(), new Figures(drain.name(), new ArrayList<>(), new ArrayList<>(), reference.count()));
        }
        for (int round = 0; round < settings.rounds(); round++) {
            for (int i = 0; i < drains.size(); i++) {
                // each round starts with another peer, so that none always follows the same one
                Drain drain = drains.get((i + round) % drains.size());
                measureOnce(drain, reference, figures.get(drain.name()));
            }
        }
        return figures;
    }

    /** One drain of each, with every key kept: each must receive the same records as the first, exactly once. */
    private static Tally warmUp(List<Drain> drains, Settings settings) throws Exception {
        Tally reference = null;
        for (Drain drain : drains) {
            Tally tally = Tally.exact();
            drain.drain(tally);
            if (reference == null) {
                reference = tally;
                reference.checkDistinct(drain.name(), settings.suite() == Suite.SEARCH ? settings.assets()
                        : tally.count());
            } else {
                tally.check(drain.name(), reference);
            }
        }
        return reference;
    }

    private static void measureOnce(Drain drain, Tally reference, Figures figures) throws Exception {
        System.gc(); // the previous peer's garbage is not this one's cost
        Tally tally = Tally.cheap();
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        drain.drain(tally);
        double seconds = (System.nanoTime() - started) / 1e9;
        long cpu = processCpuNanos() - cpuBefore;
        tally.check(drain.name(), reference);
        figures.recordsPerSecond().add(tally.count() / seconds);
        figures.cpuMillisPer100k().add(cpu / 1e6 * 100_000 / tally.count());
    }

    /** CPU time of this JVM (every thread: the client's own, Camel's, the GC and the JIT); the replay is elsewhere. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static void print(Settings s, Map<String, Figures> figures) {
        Figures floor = figures.values().iterator().next();
        System.out.printf("%s: %d records per drain, page size %d, %d ms per request, %d rounds after a warm-up, "
                          + "%d cores, enos options '%s'%n", s.suite(), floor.records(), s.pageSize(), s.delayMillis(),
                s.rounds(), Runtime.getRuntime().availableProcessors(), s.enosOptions());
        System.out.printf("  %-40s %12s %12s %8s %14s %14s %8s %6s%n", "peer", "rec/s best", "rec/s median",
                "x floor", "CPU ms/100k min", "CPU ms/100k med", "x floor", "cores");
        for (Figures f : figures.values()) {
            System.out.printf("  %-40s %12.0f %12.0f %8.2f %14.1f %14.1f %8.2f %6.2f%n", f.name(), f.bestRate(),
                    f.medianRate(), f.medianRate() / floor.medianRate(), f.bestCpu(), f.medianCpu(),
                    f.medianCpu() / floor.medianCpu(), f.medianCores());
        }
        System.out.printf("  load average %.1f on %d cores at the end%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
