package io.camelenos.app;

import java.time.Duration;

/**
 * Waits for an assertion about something a polling flow does to hold (Awaitility is not on this build's classpath).
 * The assertion is tried every 200 ms; when the time is up, its last failure is thrown, so the test says what was
 * still wrong.
 */
public final class Eventually {

    /** An assertion that may throw (AssertionError or any exception) until the awaited state is reached. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    private Eventually() {
    }

    public static void within(Duration timeout, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (Exception | AssertionError failure) {
                if (System.nanoTime() > deadline) {
                    AssertionError timedOut = new AssertionError("Still failing after " + timeout + ": "
                                                                 + failure.getMessage(), failure);
                    throw timedOut;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting", e);
            }
        }
    }
}
