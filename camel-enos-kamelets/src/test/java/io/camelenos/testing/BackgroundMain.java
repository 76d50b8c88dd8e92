package io.camelenos.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * A camel-main run on a background thread, as {@code camel run} or an example's {@code main()} runs it, until the
 * test closes it as Ctrl+C would. The Kamelet tests and, through this module's test jar, the example tests run their
 * routes in it.
 */
public final class BackgroundMain implements AutoCloseable {

    private final Main main;
    private final String what;
    private final Duration timeout;
    private final Thread thread;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private BackgroundMain(Main main, String what, Duration timeout) {
        this.main = main;
        this.what = what;
        this.timeout = timeout;
        this.thread = new Thread(this::run, "camel-main");
    }

    /**
     * Runs the Main and returns once its routes have started. If it stops first, fails with an AssertionError
     * "{@code what} did not start" whose cause is why.
     */
    public static BackgroundMain start(Main main, String what, Duration timeout) throws InterruptedException {
        BackgroundMain run = new BackgroundMain(main, what, timeout);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport running) {
                run.started.countDown();
            }
        });
        run.thread.start();
        while (!run.started.await(50, TimeUnit.MILLISECONDS)) {
            if (!run.thread.isAlive()) {
                throw new AssertionError(what + " did not start", run.failure.get());
            }
        }
        return run;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** Fails, with why as the cause, when the Main has stopped: a test waiting for it would wait in vain. */
    public void assertRunning() {
        if (!thread.isAlive()) {
            throw new AssertionError(what + " stopped", failure.get());
        }
    }

    /** Stops the Main as Ctrl+C does (graceful shutdown of its routes) and waits until it has stopped. */
    @Override
    public void close() throws InterruptedException {
        main.completed();
        thread.join(timeout.toMillis());
        assertFalse(thread.isAlive(), what + " did not stop");
        if (failure.get() != null) {
            throw new AssertionError(what + " failed", failure.get());
        }
    }

    private void run() {
        try {
            main.run();
        } catch (Throwable e) {
            failure.set(e);
        }
    }
}
