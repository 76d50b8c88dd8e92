package io.camelenos.simulator.tree;

import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.data.DataSet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many 1000-record searchAsset pages per second the emulator serves, as a benchmark (not a test): N clients
 * drain the fleet page by page and read each answer as bytes without parsing it, so the figure is the emulator's
 * (generation, serialisation, HTTP), not the client's JSON parser. Lenient auth, so no signing either.
 *
 * <pre>./mvnw -q -o -pl enos-simulator test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.camelenos.simulator.tree.SearchAssetLoad -Dexec.args="--assets 1000000 --clients 8 --seconds 20"</pre>
 */
public final class SearchAssetLoad {

    private SearchAssetLoad() {
    }

    public static void main(String[] args) throws Exception {
        int assets = intArg(args, "--assets", 1_000_000);
        int clients = intArg(args, "--clients", 8);
        int seconds = intArg(args, "--seconds", 20);
        try (EnosSimulator sim = EnosSimulator.builder().assets(assets).authMode(AuthMode.LENIENT)
                .requestLogCapacity(0).build().start()) {
            String url = sim.baseUrl() + "/asset-tree-service/v2.1/asset-nodes?action=searchAsset&orgId=" + sim.orgId();
            int pages = Math.max(1, assets / 1000);
            System.out.printf("searchAsset load: %d assets, %d clients, %d s, %d cores%n", assets, clients, seconds,
                    Runtime.getRuntime().availableProcessors());
            run(url, clients, 3, pages, null, null, 1000); // warm-up: JIT, connections
            run(url, clients, seconds, pages, null, "positional pages (no expression)", 1000);
            String byTree = "treeId = '" + sim.dataSet().treeIdOfSite(0) + "'";
            run(url, clients, Math.min(seconds, 10), 1, byTree, "narrowed pages (" + byTree + ")", DataSet.BLOCK);
            run(url, 1, Math.min(seconds, 10), 1, "modelId = 'EnOS_Meter'",
                    "scanned pages (modelId = 'EnOS_Meter', 1 client)", 1000);
        }
    }

    private static void run(String url, int clients, int seconds, int pages, String expression, String label,
                            int recordsPerPage) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong next = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            HttpClient http = HttpClient.newHttpClient();
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    long pageNo = 1 + next.getAndIncrement() % pages;
                    String body = "{\"pagination\":{\"pageNo\":" + pageNo + ",\"pageSize\":1000}"
                            + (expression == null ? "" : ",\"expression\":\"" + expression + "\"") + "}";
                    try {
                        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json;charset=UTF-8")
                                .header("apim-accesstoken", "load")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        String head = new String(response.body(), 0, Math.min(200, response.body().length),
                                StandardCharsets.UTF_8);
                        boolean good = response.statusCode() == 200 && head.contains("\"code\":0");
                        (good ? ok : failed).incrementAndGet();
                        bytes.addAndGet(response.body().length);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
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
        if (label != null) {
            System.out.printf("%-50s %8.1f pages/s  %8.0f assets/s  %6.1f MB/s  (%d ok, %d failed)%n", label,
                    ok.get() / (double) seconds, ok.get() * (double) recordsPerPage / seconds, bytes.get() / 1e6 / seconds,
                    ok.get(), failed.get());
        }
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
