package io.camelenos.bench.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.data.ThingModels;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A page source that costs the client nothing but the bytes: it asks the emulator each distinct request once,
 * records the answer, and from then on serves the recorded bytes from memory, after an optional delay that stands
 * for the network and EnOS's own time. It runs in its own JVM (started by {@link ReplayProcess}), so that the
 * client's CPU time is the client's alone.
 *
 * <p>A request is "the same" when its method, path with query, and body are the same bytes: the signature headers
 * (which change with the timestamp) are forwarded when recording and ignored when replaying. Token requests are
 * always forwarded, as each carries a fresh timestamp.
 *
 * <p>The emulator runs in lenient mode, with an app key and secret of the shape EnOS issues (UUIDs, which EnOS's
 * Java SDK reads as hex): the SDK encrypts its access token itself, which only the real gateway can read. The other
 * peers still fetch and send real tokens and signatures; the recorded answers are the same either way.
 *
 * <p>Prints one JSON line on stdout when ready: the URL, the org and app credentials of the emulator behind it, and
 * the ids of the first 20 wind turbines (for TSDB reads).
 */
public final class ReplayServer {

    private static final List<String> FORWARDED_HEADERS = List.of("apim-accesstoken", "apim-timestamp",
            "apim-signature", "Content-Type", "Authorization");

    /** Keys of the shape EnOS issues, which the SDK can use. */
    private static final String APP_KEY = "7f7e2c1d-3c2e-4f7a-9d0b-5a1e8c3b2a10";
    private static final String APP_SECRET = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private final EnosSimulator sim;
    private final long delayMillis;
    private final boolean record;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Recorded> recorded = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(64);

    /** One recorded answer. */
    private record Recorded(int status, String contentType, byte[] body) {
    }

    ReplayServer(EnosSimulator sim, long delayMillis, boolean record) throws IOException {
        this.sim = sim;
        this.delayMillis = delayMillis;
        this.record = record;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
    }

    public static void main(String[] args) throws Exception {
        int assets = intArg(args, "--assets", 100_000);
        long delay = intArg(args, "--delay-ms", 0);
        EnosSimulator sim = EnosSimulator.builder().assets(assets).requestLogCapacity(0)
                .authMode(AuthMode.LENIENT).appKey(APP_KEY).appSecret(APP_SECRET).build().start();
        boolean record = !"false".equals(arg(args, "--record", "true"));
        ReplayServer replay = new ReplayServer(sim, delay, record);
        replay.server.start();
        System.out.println(replay.describe());
        System.out.flush();
        // the harness ends this process by closing its stdin (or destroying it)
        while (System.in.read() >= 0) {
            // nothing to read: wait for the end of the stream
        }
        replay.server.stop(0);
        replay.workers.shutdownNow();
        sim.close();
    }

    private String describe() {
        ObjectNode info = new ObjectMapper().createObjectNode()
                .put("url", "http://127.0.0.1:" + server.getAddress().getPort())
                .put("orgId", sim.orgId()).put("appKey", sim.appKey()).put("appSecret", sim.appSecret());
        var turbines = info.putArray("turbines");
        for (int i = 0; turbines.size() < 20 && i < sim.dataSet().baseAssetCount(); i++) {
            if (sim.dataSet().modelOf(i).modelId().equals(ThingModels.WIND_TURBINE.modelId())) {
                turbines.add(sim.dataSet().assetId(i));
            }
        }
        return info.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readAll(exchange.getRequestBody());
            String path = exchange.getRequestURI().toString();
            Recorded answer = !record || path.startsWith("/apim-token-service/")
                    ? forward(exchange, path, body)
                    : recorded.computeIfAbsent(exchange.getRequestMethod() + " " + path + "\n"
                                               + new String(body, java.nio.charset.StandardCharsets.UTF_8),
                            k -> forwardUnchecked(exchange, path, body));
            pause();
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    private Recorded forwardUnchecked(HttpExchange exchange, String path, byte[] body) {
        try {
            return forward(exchange, path, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Recorded forward(HttpExchange exchange, String path, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .method(exchange.getRequestMethod(), body.length == 0 && exchange.getRequestMethod().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : FORWARDED_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Recorded(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void pause() {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(arg(args, name, Integer.toString(fallback)));
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
