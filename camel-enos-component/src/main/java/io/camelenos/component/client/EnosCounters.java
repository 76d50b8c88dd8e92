package io.camelenos.component.client;

import java.util.concurrent.atomic.LongAdder;

import io.camelenos.component.EnosApiException;

/**
 * What the built-in client did besides the calls themselves: retries, HTTP 429 answers, waits for the rate limiter and
 * token fetches. One instance per component, counted from every thread without locks; exposed through JMX and the
 * {@code enos} dev console.
 */
public final class EnosCounters {

    private final LongAdder retries = new LongAdder();
    private final LongAdder rateLimitedAnswers = new LongAdder();
    private final LongAdder rateLimitWaits = new LongAdder();
    private final LongAdder rateLimitWaitNanos = new LongAdder();
    private final LongAdder tokenFetches = new LongAdder();

    /** A transient failure: an HTTP 429 is counted as such; {@code retried} when another attempt follows. */
    void failure(TransientFailure failure, boolean retried) {
        if (failure.failure() instanceof EnosApiException api && api.getHttpStatus() == 429) {
            rateLimitedAnswers.increment();
        }
        if (retried) {
            retries.increment();
        }
    }

    /** The rate limiter held a call back for {@code nanos} (0: it did not wait). */
    void rateLimitWait(long nanos) {
        if (nanos > 0) {
            rateLimitWaits.increment();
            rateLimitWaitNanos.add(nanos);
        }
    }

    void tokenFetch() {
        tokenFetches.increment();
    }

    /** Attempts repeated after a transient failure (5xx, 429, I/O error, malformed answer, 99500/80500). */
    public long retries() {
        return retries.sum();
    }

    /** HTTP 429 answers from the gateway, retried or not. */
    public long rateLimitedAnswers() {
        return rateLimitedAnswers.sum();
    }

    /** Calls the client's own rate limiter ({@code rateLimit} option) held back. */
    public long rateLimitWaits() {
        return rateLimitWaits.sum();
    }

    /** Total time the rate limiter held calls back, in milliseconds. */
    public long rateLimitWaitMillis() {
        return rateLimitWaitNanos.sum() / 1_000_000;
    }

    /** Access tokens fetched or refreshed from the token service (the first one included). */
    public long tokenFetches() {
        return tokenFetches.sum();
    }
}
