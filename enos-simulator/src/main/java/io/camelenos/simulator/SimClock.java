package io.camelenos.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * The emulator's "now": the wall clock by default, or a fixed instant, or the wall clock shifted by an offset.
 * Token expiry, TSDB "latest" and alert generation read it, so tests can move time instead of waiting.
 */
public final class SimClock {

    private volatile Long fixedMillis;
    private volatile long offsetMillis;

    public long nowMillis() {
        Long fixed = fixedMillis;
        return fixed != null ? fixed : System.currentTimeMillis() + offsetMillis;
    }

    public Instant now() {
        return Instant.ofEpochMilli(nowMillis());
    }

    /** Stops the clock at an instant (it stays there until moved). */
    public SimClock fixAt(Instant instant) {
        fixedMillis = instant.toEpochMilli();
        return this;
    }

    /** Moves the clock forward (fixed or running). */
    public synchronized SimClock advance(Duration duration) {
        Long fixed = fixedMillis;
        if (fixed != null) {
            fixedMillis = fixed + duration.toMillis();
        } else {
            offsetMillis += duration.toMillis();
        }
        return this;
    }

    /** Back to the wall clock. */
    public SimClock reset() {
        fixedMillis = null;
        offsetMillis = 0;
        return this;
    }

    public boolean isFixed() {
        return fixedMillis != null;
    }
}
