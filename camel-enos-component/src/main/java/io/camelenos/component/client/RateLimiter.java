package io.camelenos.component.client;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces calls evenly so that at most {@code permitsPerSecond} start per second. One instance is shared by every
 * endpoint using the same app key, because EnOS counts quotas per app.
 */
public final class RateLimiter {

    private final long intervalNanos;
    private long nextFree = System.nanoTime();

    public RateLimiter(double permitsPerSecond) {
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / permitsPerSecond);
    }

    /** Blocks until the caller may send its request; returns how long it waited, in nanoseconds. */
    public long acquire() {
        long wait = reserve();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        return wait;
    }

    /** The calls per second this limiter lets start. */
    public double permitsPerSecond() {
        return (double) TimeUnit.SECONDS.toNanos(1) / intervalNanos;
    }

    private synchronized long reserve() {
        long now = System.nanoTime();
        long slot = Math.max(now, nextFree);
        nextFree = slot + intervalNanos;
        return slot - now;
    }
}
