package io.camelenos.simulator.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.wire.Json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * Fault injection for API calls (never for the token service or the admin path). Two ways: rates drawn from a
 * seeded random source (reproducible for a given seed and request order), and a queue of the exact faults the
 * next requests get, which is what tests that count retries use.
 */
public final class Faults {

    private final Random random;
    private final Deque<FaultKind> queued = new ArrayDeque<>();
    /** API calls answered normally before the queued faults apply. */
    private int sparedBeforeQueued;
    private long latencyMillis;
    private double serverErrorRate;
    private double rateLimitRate;
    private int retryAfterSeconds = 1;
    private double dropRate;
    private double malformedRate;
    private long latencyJitterMillis;
    private double resetRate;
    private double trickleRate;
    private long trickleMillis = 200;

    public Faults(long seed) {
        this.random = new Random(seed);
    }

    /** Added before every API call is answered. */
    public synchronized Faults latencyMillis(long millis) {
        this.latencyMillis = requireNonNegative("latencyMillis", millis);
        return this;
    }

    /** Share of API calls answered with HTTP 503 (0..1). */
    public synchronized Faults serverErrorRate(double rate) {
        this.serverErrorRate = requireRate("serverErrorRate", rate);
        return this;
    }

    /** Share of API calls answered with HTTP 429 and Retry-After (0..1). */
    public synchronized Faults rateLimitRate(double rate) {
        this.rateLimitRate = requireRate("rateLimitRate", rate);
        return this;
    }

    /** The Retry-After (seconds) sent with injected 429 answers. */
    public synchronized Faults retryAfterSeconds(int seconds) {
        this.retryAfterSeconds = (int) requireNonNegative("retryAfterSeconds", seconds);
        return this;
    }

    /** Share of API calls whose connection is dropped without an answer (0..1). */
    public synchronized Faults dropRate(double rate) {
        this.dropRate = requireRate("dropRate", rate);
        return this;
    }

    /** Share of API calls answered with a truncated JSON body (0..1). */
    public synchronized Faults malformedRate(double rate) {
        this.malformedRate = requireRate("malformedRate", rate);
        return this;
    }

    /** Up to this much more latency, drawn uniformly for each API call, on top of {@code latencyMillis}. */
    public synchronized Faults latencyJitterMillis(long millis) {
        this.latencyJitterMillis = requireNonNegative("latencyJitterMillis", millis);
        return this;
    }

    /** Share of API calls whose connection is closed half-way through the answer's body (0..1). */
    public synchronized Faults resetRate(double rate) {
        this.resetRate = requireRate("resetRate", rate);
        return this;
    }

    /** Share of API calls whose answer trickles out in small pieces over {@code trickleMillis} (0..1). */
    public synchronized Faults trickleRate(double rate) {
        this.trickleRate = requireRate("trickleRate", rate);
        return this;
    }

    /** How long a trickled answer takes to send (200 ms by default). */
    public synchronized Faults trickleMillis(long millis) {
        this.trickleMillis = requireNonNegative("trickleMillis", millis);
        return this;
    }

    /** The latency of the next API call: {@code latencyMillis} plus a draw of the jitter. */
    public synchronized long nextLatencyMillis() {
        return latencyMillis + (latencyJitterMillis > 0 ? (long) (random.nextDouble() * (latencyJitterMillis + 1)) : 0);
    }

    public synchronized long trickleMillis() {
        return trickleMillis;
    }

    /** The next {@code count} API calls fail with {@code kind}, before any rate applies. */
    public synchronized Faults failNext(int count, FaultKind kind) {
        for (int i = 0; i < count; i++) {
            queued.addLast(kind);
        }
        return this;
    }

    /**
     * The next {@code spared} API calls are answered normally, then {@code count} fail with {@code kind}: a fault at
     * a chosen page of a search.
     */
    public synchronized Faults failAfter(int spared, int count, FaultKind kind) {
        this.sparedBeforeQueued = (int) requireNonNegative("after", spared);
        return failNext(count, kind);
    }

    /** No latency, no rates, nothing queued. */
    public synchronized Faults clear() {
        queued.clear();
        sparedBeforeQueued = 0;
        latencyMillis = 0;
        latencyJitterMillis = 0;
        serverErrorRate = rateLimitRate = dropRate = malformedRate = resetRate = trickleRate = 0;
        trickleMillis = 200;
        retryAfterSeconds = 1;
        return this;
    }

    public synchronized long latencyMillis() {
        return latencyMillis;
    }

    public synchronized int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The fault for the next API call, or null for none. */
    public synchronized FaultKind next() {
        if (!queued.isEmpty()) {
            if (sparedBeforeQueued > 0) {
                sparedBeforeQueued--;
                return null;
            }
            return queued.pollFirst();
        }
        if (dropRate > 0 && random.nextDouble() < dropRate) {
            return FaultKind.DROP;
        }
        if (rateLimitRate > 0 && random.nextDouble() < rateLimitRate) {
            return FaultKind.RATE_LIMIT;
        }
        if (serverErrorRate > 0 && random.nextDouble() < serverErrorRate) {
            return FaultKind.HTTP_503;
        }
        if (malformedRate > 0 && random.nextDouble() < malformedRate) {
            return FaultKind.MALFORMED;
        }
        if (resetRate > 0 && random.nextDouble() < resetRate) {
            return FaultKind.RESET_MID_BODY;
        }
        if (trickleRate > 0 && random.nextDouble() < trickleRate) {
            return FaultKind.TRICKLE;
        }
        return null;
    }

    public synchronized ObjectNode toJson() {
        ObjectNode node = Json.object()
                .put("latencyMillis", latencyMillis)
                .put("serverErrorRate", serverErrorRate)
                .put("rateLimitRate", rateLimitRate)
                .put("retryAfterSeconds", retryAfterSeconds)
                .put("dropRate", dropRate)
                .put("malformedRate", malformedRate)
                .put("latencyJitterMillis", latencyJitterMillis)
                .put("resetRate", resetRate)
                .put("trickleRate", trickleRate)
                .put("trickleMillis", trickleMillis);
        queued.forEach(kind -> node.withArray("queued").add(kind.name()));
        return node;
    }

    /** Applies the settings present in a JSON object (the admin path's POST body). */
    public synchronized void apply(JsonNode settings) {
        if (settings.has("latencyMillis")) latencyMillis(settings.get("latencyMillis").asLong());
        if (settings.has("serverErrorRate")) serverErrorRate(settings.get("serverErrorRate").asDouble());
        if (settings.has("rateLimitRate")) rateLimitRate(settings.get("rateLimitRate").asDouble());
        if (settings.has("retryAfterSeconds")) retryAfterSeconds(settings.get("retryAfterSeconds").asInt());
        if (settings.has("dropRate")) dropRate(settings.get("dropRate").asDouble());
        if (settings.has("malformedRate")) malformedRate(settings.get("malformedRate").asDouble());
        if (settings.has("latencyJitterMillis")) latencyJitterMillis(settings.get("latencyJitterMillis").asLong());
        if (settings.has("resetRate")) resetRate(settings.get("resetRate").asDouble());
        if (settings.has("trickleRate")) trickleRate(settings.get("trickleRate").asDouble());
        if (settings.has("trickleMillis")) trickleMillis(settings.get("trickleMillis").asLong());
        JsonNode next = settings.get("failNext");
        if (next != null) {
            for (JsonNode item : next) {
                failAfter(item.path("after").asInt(0), item.path("count").asInt(1),
                        FaultKind.valueOf(item.path("kind").asText()));
            }
        }
    }

    private static double requireRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
        }
        return rate;
    }

    private static long requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }
}
