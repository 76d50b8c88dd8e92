package io.camelenos.bench;

import io.camelenos.simulator.EnosSimulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drains every asset of an emulated org through searchAsset with each {@link Drain}, in interleaved rounds in one
 * JVM against one emulator, and prints records per second and each one's ratio to the bare JDK loop. The machine is
 * shared and noisy, so only the ratios measured side by side mean anything; the best round of each is reported.
 *
 * <pre>./mvnw -q -pl camel-enos-bench -am install -DskipTests
 * ./mvnw -q -pl camel-enos-bench exec:java -Dexec.mainClass=io.camelenos.bench.SearchDrainBench -Dexec.args="--assets 200000 --rounds 3"</pre>
 */
public final class SearchDrainBench {

    private SearchDrainBench() {
    }

    public static void main(String[] args) throws Exception {
        int assets = intArg(args, "--assets", 200_000);
        int rounds = intArg(args, "--rounds", 3);
        int pageSize = intArg(args, "--page-size", 1000);
        Map<String, Double> best = run(assets, rounds, pageSize);
        print(assets, pageSize, best);
    }

    /** Runs every drain {@code rounds} times and returns the best records/second of each, by name. */
    public static Map<String, Double> run(int assets, int rounds, int pageSize) throws Exception {
        try (EnosSimulator sim = EnosSimulator.builder().assets(assets).requestLogCapacity(0).build().start()) {
            List<Drain> drains = drains(sim, pageSize);
            Map<String, Double> best = new LinkedHashMap<>();
            try {
                for (Drain d : drains) {
                    measure(d, assets); // warm-up round: JIT, connections, tokens
                }
                for (int round = 0; round < rounds; round++) {
                    for (Drain d : drains) {
                        best.merge(d.name(), measure(d, assets), Math::max);
                    }
                }
            } finally {
                for (Drain d : drains) {
                    d.close();
                }
            }
            return best;
        }
    }

    static List<Drain> drains(EnosSimulator sim, int pageSize) throws Exception {
        List<Drain> drains = new ArrayList<>();
        drains.add(new BareJdkDrain(sim.baseUrl(), sim.orgId(), sim.appKey(), sim.appSecret(), pageSize));
        drains.add(new CamelHttpDrain(sim.baseUrl(), sim.orgId(), sim.appKey(), sim.appSecret(), pageSize, false));
        drains.add(new CamelHttpDrain(sim.baseUrl(), sim.orgId(), sim.appKey(), sim.appSecret(), pageSize, true));
        drains.add(new EnosConsumerDrain(sim.baseUrl(), sim.orgId(), sim.appKey(), sim.appSecret(), pageSize));
        drains.add(new EnosFetchAllDrain(sim.baseUrl(), sim.orgId(), sim.appKey(), sim.appSecret(), pageSize));
        return drains;
    }

    private static double measure(Drain drain, int expected) throws Exception {
        long started = System.nanoTime();
        long records = drain.drain();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (records != expected) {
            throw new IllegalStateException(drain.name() + " read " + records + " records, expected " + expected);
        }
        return records / seconds;
    }

    static void print(int assets, int pageSize, Map<String, Double> best) {
        double floor = best.values().iterator().next();
        System.out.printf("searchAsset drain of %d assets, %d per page, best round of each (%d cores)%n", assets, pageSize,
                Runtime.getRuntime().availableProcessors());
        best.forEach((name, rate) -> System.out.printf("  %-34s %10.0f records/s   %.2f x bare JDK%n", name, rate, rate / floor));
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
