package io.camelenos.component.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for transient failures, honouring a server's Retry-After up to a cap.
 *
 * @param maxRetries     retries after the first attempt (0 = no retry)
 * @param initialBackoff wait before the first retry
 * @param maxBackoff     longest computed wait
 * @param retryAfterCap  longest wait granted to a Retry-After header
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration retryAfterCap) {

    /** The wait before retry number {@code retry} (0-based); a server's Retry-After wins, capped. */
    public Duration delay(int retry, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(retryAfterCap) > 0 ? retryAfterCap : retryAfter;
        }
        long ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(retry, 20));
        // "equal jitter": half fixed, half random, so concurrent clients spread out but still back off
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
