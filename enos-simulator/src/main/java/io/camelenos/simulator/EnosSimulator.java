package io.camelenos.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.camelenos.simulator.admin.AdminApi;
import io.camelenos.simulator.auth.TokenService;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.fault.Faults;
import io.camelenos.simulator.http.Gateway;
import io.camelenos.simulator.http.Router;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The EnOS API gateway emulator: a real HTTP server on loopback speaking EnOS's wire protocol.
 *
 * <pre>{@code
 * try (EnosSimulator sim = EnosSimulator.builder().assets(500).build().start()) {
 *     String url = sim.baseUrl(); // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class EnosSimulator implements AutoCloseable {

    static {
        // The JDK server leaves Nagle's algorithm on by default; with delayed ACKs that costs ~40 ms per small
        // answer on a kept-alive connection. Read once, when the JDK server's config class loads.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final SimulatorConfig config;
    private final SimClock clock = new SimClock();
    private final Router router = new Router();
    private final Faults faults;
    private final RequestLog requestLog;
    private final TokenService tokens;
    private final SimContext context;
    private final SimulatorTls tls;
    private HttpServer server;
    private ExecutorService executor;

    public EnosSimulator(SimulatorConfig config) {
        this(config, null);
    }

    /** @param tls the certificate to serve HTTPS with, or null for plain HTTP */
    public EnosSimulator(SimulatorConfig config, SimulatorTls tls) {
        this.config = config;
        this.tls = tls;
        this.faults = new Faults(config.seed());
        this.requestLog = new RequestLog(config.requestLogCapacity());
        this.tokens = new TokenService(Map.of(config.appKey(), config.appSecret()), clock, config.authMode(),
                config.tokenTtlSeconds());
        this.context = new SimContext(new DataSet(config.seed(), config.assets(), config.orgId()), clock);
        tokens.register(router);
        for (SimService service : Services.all()) {
            service.register(router, context);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts answering. */
    public synchronized EnosSimulator start() {
        if (server != null) {
            return this;
        }
        try {
            server = createServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        AtomicInteger threadNo = new AtomicInteger();
        executor = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "enos-simulator-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Gateway gateway = new Gateway(router, tokens, faults, config.orgId(),
                (request, status, code, fault, micros) -> requestLog.add(request.method(), request.path(),
                        request.rawQuery(), status, code, fault == null ? null : fault.name(), micros),
                new AdminApi(this));
        server.createContext("/", gateway);
        server.setExecutor(executor);
        server.start();
        return this;
    }

    private HttpServer createServer() throws IOException {
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        if (tls == null) {
            return HttpServer.create(address, 512);
        }
        HttpsServer https = HttpsServer.create(address, 512);
        https.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
        return https;
    }

    /** The certificate served over HTTPS, or null when the emulator speaks plain HTTP. */
    public SimulatorTls tls() {
        return tls;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    public int port() {
        if (server == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} ({@code https://} with TLS), with no trailing slash. */
    public String baseUrl() {
        return (tls == null ? "http://" : "https://") + config.host() + ":" + port();
    }

    public String appKey() {
        return config.appKey();
    }

    public String appSecret() {
        return config.appSecret();
    }

    public String orgId() {
        return config.orgId();
    }

    public SimulatorConfig config() {
        return config;
    }

    public SimClock clock() {
        return clock;
    }

    public Faults faults() {
        return faults;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public DataSet dataSet() {
        return context.dataSet();
    }

    public SimContext context() {
        return context;
    }

    public Router router() {
        return router;
    }

    /** Makes every token issued so far expired (the next API call with one gets HTTP 401, status 1203). */
    public void expireTokens() {
        tokens.expireAll();
    }

    /** Tokens issued by token/get and token/refresh since start. */
    public long tokensIssued() {
        return tokens.issuedCount();
    }

    public ArrayNode requestLogJson(long sinceSeq) {
        return requestLog.toJson(sinceSeq);
    }

    /** Builds a {@link SimulatorConfig}; every setter has the default documented there. */
    public static final class Builder {
        private static final SimulatorConfig D = SimulatorConfig.defaults();
        private String host = D.host();
        private int port = D.port();
        private String appKey = D.appKey();
        private String appSecret = D.appSecret();
        private String orgId = D.orgId();
        private int assets = D.assets();
        private long seed = D.seed();
        private AuthMode authMode = D.authMode();
        private long tokenTtlSeconds = D.tokenTtlSeconds();
        private int threads = D.threads();
        private int requestLogCapacity = D.requestLogCapacity();
        private SimulatorTls tls;

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** 0 (the default) takes any free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder appKey(String appKey) {
            this.appKey = appKey;
            return this;
        }

        public Builder appSecret(String appSecret) {
            this.appSecret = appSecret;
            return this;
        }

        public Builder orgId(String orgId) {
            this.orgId = orgId;
            return this;
        }

        /** How many assets the org holds in all (sites and devices). */
        public Builder assets(int assets) {
            this.assets = assets;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder authMode(AuthMode authMode) {
            this.authMode = authMode;
            return this;
        }

        public Builder tokenTtlSeconds(long seconds) {
            this.tokenTtlSeconds = seconds;
            return this;
        }

        /** Worker threads answering requests (16 by default). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** How many answered requests the log keeps (oldest dropped first). */
        public Builder requestLogCapacity(int capacity) {
            this.requestLogCapacity = capacity;
            return this;
        }

        /** Serve HTTPS with this certificate (e.g. {@link SimulatorTls#selfSigned}); plain HTTP by default. */
        public Builder tls(SimulatorTls tls) {
            this.tls = tls;
            return this;
        }

        public SimulatorConfig config() {
            return new SimulatorConfig(host, port, appKey, appSecret, orgId, assets, seed, authMode, tokenTtlSeconds,
                    threads, requestLogCapacity);
        }

        public EnosSimulator build() {
            return new EnosSimulator(config(), tls);
        }
    }
}
