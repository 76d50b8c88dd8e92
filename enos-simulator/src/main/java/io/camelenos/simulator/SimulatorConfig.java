package io.camelenos.simulator;

/**
 * How an emulator is set up. Defaults: any free port, app key {@code sim-app-key}, app secret
 * {@code sim-app-secret}, org {@code o15589290244611}, 100 assets, seed 42, strict auth, 7200 s tokens.
 */
public record SimulatorConfig(String host, int port, String appKey, String appSecret, String orgId, int assets,
                              long seed, AuthMode authMode, long tokenTtlSeconds, int threads,
                              int requestLogCapacity) {

    public static final String DEFAULT_APP_KEY = "sim-app-key";
    public static final String DEFAULT_APP_SECRET = "sim-app-secret";
    public static final String DEFAULT_ORG_ID = "o15589290244611";

    public SimulatorConfig {
        require(port >= 0 && port <= 65535, "port", port, "0..65535 (0 = any free port)");
        require(appKey != null && !appKey.isBlank(), "appKey", appKey, "a non-empty text");
        require(appSecret != null && !appSecret.isBlank(), "appSecret", "****", "a non-empty text");
        require(orgId != null && !orgId.isBlank(), "orgId", orgId, "a non-empty text");
        require(assets >= 1, "assets", assets, "at least 1");
        require(authMode != null, "authMode", authMode, "STRICT or LENIENT");
        require(tokenTtlSeconds >= 1, "tokenTtlSeconds", tokenTtlSeconds, "at least 1");
        require(threads >= 1, "threads", threads, "at least 1");
        require(requestLogCapacity >= 0, "requestLogCapacity", requestLogCapacity, "0 or more");
    }

    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 0, DEFAULT_APP_KEY, DEFAULT_APP_SECRET, DEFAULT_ORG_ID, 100, 42,
                AuthMode.STRICT, 7200, 16, 100_000);
    }

    private static void require(boolean ok, String option, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("Invalid simulator option " + option + "=" + value + ": expected " + expected);
        }
    }
}
