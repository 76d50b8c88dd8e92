package io.camelenos.component.client;

import java.time.Duration;

/**
 * A failure worth retrying (HTTP 5xx, 429, I/O error, 99500/80500). Carries the exception to throw once the retries
 * are used up, and the server's Retry-After if it sent one.
 */
final class TransientFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    TransientFailure(RuntimeException failure, Duration retryAfter) {
        super(failure.getMessage(), failure, false, false);
        this.retryAfter = retryAfter;
    }

    TransientFailure(RuntimeException failure) {
        this(failure, null);
    }

    /** The exception the caller sees when no retry is left. */
    RuntimeException failure() {
        return (RuntimeException) getCause();
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
