package io.camelenos.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.camelenos.simulator.auth.TokenService;
import io.camelenos.simulator.fault.FaultKind;
import io.camelenos.simulator.fault.Faults;
import io.camelenos.simulator.fault.FaultyBody;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway in front of every service: faults, routing, credentials, orgId, the handler, and the envelope,
 * in the order the real gateway applies them (gateway failures come before any service sees the call).
 */
public final class Gateway implements HttpHandler {

    /** Called once per answered request, for the request log. */
    public interface Listener {
        void answered(SimRequest request, int httpStatus, Integer apiCode, FaultKind fault, long micros);
    }

    private final Router router;
    private final TokenService tokens;
    private final Faults faults;
    private final String orgId;
    private final Listener listener;
    private final HttpHandler admin;
    private final String requestIdPrefix = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    private final AtomicLong requestSeq = new AtomicLong();

    public Gateway(Router router, TokenService tokens, Faults faults, String orgId, Listener listener,
                   HttpHandler admin) {
        this.router = router;
        this.tokens = tokens;
        this.faults = faults;
        this.orgId = orgId;
        this.listener = listener;
        this.admin = admin;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith("/__sim/")) {
            admin.handle(exchange);
            return;
        }
        long started = System.nanoTime();
        SimRequest request = read(exchange, path);
        Router.Endpoint endpoint = router.match(request);
        FaultKind fault = endpoint == null || !endpoint.gatewayAuth() ? null : faults.next();
        delay(endpoint);
        if (fault == FaultKind.DROP) {
            // Closing before the response headers makes the JDK server drop the connection: the client sees EOF.
            // Logged first: a client that reads the log right after its call must find the call in it.
            listener.answered(request, 0, null, fault, micros(started));
            exchange.close();
            return;
        }
        Answer answer = answer(request, endpoint, fault);
        byte[] bytes = answer.rawBytes != null ? answer.rawBytes : Json.bytes(answer.body);
        if (fault == FaultKind.MALFORMED) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(1, bytes.length / 2));
        }
        listener.answered(request, answer.status, apiCode(answer.body), fault, micros(started));
        send(exchange, answer, bytes, fault);
    }

    private Answer answer(SimRequest request, Router.Endpoint endpoint, FaultKind fault) {
        if (endpoint == null) {
            return gatewayError(404, "no Route matched with those values");
        }
        if (fault != null) {
            Answer injected = injected(fault, request, endpoint);
            if (injected != null) {
                return injected;
            }
        }
        try {
            if (endpoint.gatewayAuth()) {
                tokens.authenticate(request, endpoint.signatureOptional());
            }
            if (endpoint.orgRequired()) {
                checkOrg(request, endpoint.envelope());
            }
            return render(request, endpoint.envelope(), endpoint.handlerFor(request).handle(request));
        } catch (ApiError e) {
            if (e.isGateway()) {
                Answer a = gatewayError(e.httpStatus(), e.msg());
                ((ObjectNode) a.body).put("status", e.code());
                return a;
            }
            return new Answer(e.httpStatus(), endpoint.envelope().failure(request.requestId(), e.code(), e.msg()));
        } catch (RuntimeException e) {
            System.err.println("enos-simulator: handler failed on " + request.path() + ": " + e);
            return new Answer(500, endpoint.envelope().failure(request.requestId(), 99500, "Internal Error: " + e));
        }
    }

    private Answer injected(FaultKind fault, SimRequest request, Router.Endpoint endpoint) {
        return switch (fault) {
            case HTTP_503 -> gatewayError(503, "Service unavailable");
            case HTTP_500 -> gatewayError(500, "An unexpected error occurred");
            case RATE_LIMIT -> {
                Answer a = gatewayError(429, "API rate limit exceeded");
                a.retryAfter = faults.retryAfterSeconds();
                yield a;
            }
            case INTERNAL_ERROR -> new Answer(200, endpoint.envelope().failure(request.requestId(),
                    endpoint.envelope() == Envelope.TSDB ? 80500 : 99500, "Internal Error: injected fault"));
            case DROP, MALFORMED, RESET_MID_BODY, TRICKLE -> null;
        };
    }

    private void checkOrg(SimRequest request, Envelope envelope) {
        String given = request.query("orgId");
        boolean tsdb = envelope == Envelope.TSDB;
        if (given == null || given.isBlank()) {
            throw ApiError.of(tsdb ? 80400 : 99400, "Invalid Argument orgId: orgId is missing");
        }
        if (!given.equals(orgId)) {
            throw ApiError.of(tsdb ? 80401 : 99403, "Denied resource: orgId " + given);
        }
    }

    private static Answer render(SimRequest request, Envelope envelope, Object result) {
        if (result instanceof Reply reply) {
            if (reply.isRawBody()) {
                Answer raw = new Answer(reply.httpStatus(), reply.data());
                raw.rawBytes = reply.rawBytes();
                raw.contentType = reply.contentType();
                return raw;
            }
            ObjectNode body = envelope.success(request.requestId(), reply.data());
            if (reply.pagination() != null) {
                body.set("pagination", reply.pagination());
            }
            return new Answer(reply.httpStatus(), body);
        }
        return new Answer(200, envelope.success(request.requestId(), result == null ? null : Json.tree(result)));
    }

    private SimRequest read(HttpExchange exchange, String path) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        String requestId = requestIdPrefix + Long.toHexString(requestSeq.incrementAndGet());
        return new SimRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path,
                exchange.getRequestURI().getRawQuery(), headers, body, requestId);
    }

    private void delay(Router.Endpoint endpoint) {
        long latency = endpoint == null || !endpoint.gatewayAuth() ? 0 : faults.nextLatencyMillis();
        if (latency > 0) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void send(HttpExchange exchange, Answer answer, byte[] bytes, FaultKind fault) throws IOException {
        exchange.getResponseHeaders().set("Content-Type",
                answer.contentType != null ? answer.contentType : "application/json;charset=UTF-8");
        if (answer.retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(answer.retryAfter));
        }
        exchange.sendResponseHeaders(answer.status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            FaultyBody.write(out, bytes, fault, faults.trickleMillis());
        }
    }

    private static Answer gatewayError(int status, String message) {
        return new Answer(status, Json.object().put("message", message));
    }

    private static Integer apiCode(JsonNode body) {
        JsonNode code = body.has("code") ? body.get("code") : body.get("status");
        return code != null && code.isInt() ? code.asInt() : null;
    }

    private static long micros(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1000;
    }

    private static final class Answer {
        final int status;
        final JsonNode body;
        Integer retryAfter;
        byte[] rawBytes;
        String contentType;

        Answer(int status, JsonNode body) {
            this.status = status;
            this.body = body;
        }
    }

    /** Paths an admin or test may want to list. */
    public List<String> paths() {
        return List.copyOf(router.describe().keySet());
    }
}
