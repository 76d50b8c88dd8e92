package io.camelenos.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.RequestLog;
import io.camelenos.simulator.SimClock;
import io.camelenos.simulator.fault.Faults;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.wire.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The emulator's own control path, {@code /__sim/...}, which the real EnOS does not have: faults, the request log,
 * the clock, token expiry and a description of what is served. No credentials are needed and none are shown.
 */
public final class AdminApi implements HttpHandler {

    private final Router router;
    private final Faults faults;
    private final RequestLog requestLog;
    private final SimClock clock;
    private final Runnable expireTokens;
    private final Supplier<ObjectNode> info;

    /** The admin path of a simulator: what it reads and changes, and nothing else of it. */
    public AdminApi(EnosSimulator simulator) {
        this(simulator.router(), simulator.faults(), simulator.requestLog(), simulator.clock(),
                simulator::expireTokens, () -> info(simulator));
    }

    AdminApi(Router router, Faults faults, RequestLog requestLog, SimClock clock, Runnable expireTokens,
             Supplier<ObjectNode> info) {
        this.router = router;
        this.faults = faults;
        this.requestLog = requestLog;
        this.clock = clock;
        this.expireTokens = expireTokens;
        this.info = info;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            JsonNode input = body.length == 0 ? Json.object() : Json.MAPPER.readTree(body);
            JsonNode output = dispatch(path, method, input, exchange.getRequestURI().getQuery());
            if (output == null) {
                send(exchange, 404, Json.object().put("message", "unknown admin path " + method + " " + path));
            } else {
                send(exchange, 200, output);
            }
        } catch (IOException | RuntimeException e) {
            send(exchange, 400, Json.object().put("message", String.valueOf(e.getMessage())));
        }
    }

    private JsonNode dispatch(String path, String method, JsonNode input, String query) {
        return switch (method + " " + path) {
            case "GET /__sim/health" -> Json.object().put("status", "UP");
            case "GET /__sim/info" -> info.get();
            case "GET /__sim/routes" -> Json.tree(router.describe());
            case "GET /__sim/faults" -> faults.toJson();
            case "POST /__sim/faults" -> {
                faults.apply(input);
                yield faults.toJson();
            }
            case "DELETE /__sim/faults" -> faults.clear().toJson();
            case "GET /__sim/requests" -> requestLog.toJson(since(query));
            case "DELETE /__sim/requests" -> {
                requestLog.clear();
                yield Json.object().put("cleared", true);
            }
            case "GET /__sim/clock" -> clock();
            case "POST /__sim/clock" -> {
                moveClock(input);
                yield clock();
            }
            case "POST /__sim/tokens/expire" -> {
                expireTokens.run();
                yield Json.object().put("expired", true);
            }
            default -> null;
        };
    }

    private static ObjectNode info(EnosSimulator simulator) {
        return Json.object().put("baseUrl", simulator.baseUrl()).put("orgId", simulator.orgId())
                .put("appKey", simulator.appKey()).put("assets", simulator.config().assets())
                .put("seed", simulator.config().seed()).put("authMode", simulator.config().authMode().name())
                .put("tokenTtlSeconds", simulator.config().tokenTtlSeconds())
                .put("tokensIssued", simulator.tokensIssued());
    }

    private ObjectNode clock() {
        return Json.object().put("now", clock.now().toString())
                .put("nowMillis", clock.nowMillis()).put("fixed", clock.isFixed());
    }

    private void moveClock(JsonNode input) {
        if (input.path("reset").asBoolean(false)) {
            clock.reset();
        }
        JsonNode fixAt = input.get("fixAt");
        if (fixAt != null) {
            clock.fixAt(fixAt.isNumber() ? Instant.ofEpochMilli(fixAt.asLong()) : Instant.parse(fixAt.asText()));
        }
        if (input.has("advanceMillis")) {
            clock.advance(Duration.ofMillis(input.get("advanceMillis").asLong()));
        }
    }

    private static long since(String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("since=")) {
                    return Long.parseLong(pair.substring(6));
                }
            }
        }
        return 0;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.bytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
