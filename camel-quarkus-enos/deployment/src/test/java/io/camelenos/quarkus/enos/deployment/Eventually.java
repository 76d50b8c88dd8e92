package io.camelenos.quarkus.enos.deployment;

import java.time.Duration;

/** Waits for an assertion about a polling route to hold; on time-out its last failure says what was still wrong. */
final class Eventually {

    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    private Eventually() {
    }

    static void within(Duration timeout, Check check) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (Exception | AssertionError failure) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Still failing after " + timeout + ": " + failure.getMessage(), failure);
                }
            }
            Thread.sleep(100);
        }
    }
}
