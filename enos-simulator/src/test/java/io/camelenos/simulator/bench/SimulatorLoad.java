package io.camelenos.simulator.bench;

import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.wire.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Load harness: how many requests per second the emulator serves to N concurrent signed clients, for a small
 * asset get and for a 1000-record searchAsset page. Prints figures; asserts nothing (it is a benchmark, not a test).
 *
 * <pre>mvn -q -o -pl enos-simulator test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.camelenos.simulator.bench.SimulatorLoad -Dexec.args="--assets 100000 --clients 8 --seconds 10"</pre>
 */
public final class SimulatorLoad {

    private static final String ASSETS = "/asset-service/v2.1/assets";
    private static final String SEARCH = "/asset-tree-service/v2.1/asset-nodes";

    private SimulatorLoad() {
    }

    public static void main(String[] args) throws Exception {
        int assets = intArg(args, "--assets", 100_000);
        int clients = intArg(args, "--clients", 8);
        int seconds = intArg(args, "--seconds", 10);
        try (EnosSimulator sim = EnosSimulator.builder().assets(assets).requestLogCapacity(0).build().start()) {
            System.out.printf("EnOS simulator load: %d assets, %d clients, %d s per scenario, %d cores%n",
                    assets, clients, seconds, Runtime.getRuntime().availableProcessors());
            run("get asset (small)", sim, clients, seconds, c -> c.get(ASSETS,
                    Map.of("action", "get", "assetId", sim.dataSet().assetId((int) (System.nanoTime() % assets)))).code());
            if (sim.router().describe().containsKey(SEARCH)) {
                int pages = Math.max(1, assets / 1000);
                AtomicLong page = new AtomicLong();
                run("searchAsset page of 1000", sim, clients, seconds, c -> c.post(SEARCH, Map.of("action", "searchAsset"),
                        Json.object().set("pagination", Json.object().put("pageNo", 1 + page.incrementAndGet() % pages)
                                .put("pageSize", 1000))).code());
            } else {
                System.out.println("searchAsset: not served by this build, skipped");
            }
        }
    }

    private static void run(String name, EnosSimulator sim, int clients, int seconds,
                            Function<SimClient, Integer> call) throws InterruptedException {
        measure(sim, clients, 2, call); // warm-up: JIT, connections, token
        long[] result = measure(sim, clients, seconds, call);
        System.out.printf("%-28s %10.0f req/s  (%d ok, %d failed)%n", name, result[0] / (double) seconds,
                result[0], result[1]);
    }

    private static long[] measure(EnosSimulator sim, int clients, int seconds, Function<SimClient, Integer> call)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            SimClient client = new SimClient(sim);
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    (call.apply(client) == 0 ? ok : failed).incrementAndGet();
                }
            });
            threads.add(t);
            t.start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        return new long[] {ok.get(), failed.get()};
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
