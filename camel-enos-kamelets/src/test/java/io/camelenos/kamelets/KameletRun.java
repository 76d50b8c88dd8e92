package io.camelenos.kamelets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.camelenos.simulator.EnosSimulator;
import io.camelenos.testing.BackgroundMain;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;

/**
 * A YAML DSL route file run by camel-main on a background thread, as {@code camel run} would run it, with the
 * emulator's connection given as the properties {@code enos.gateway-url}, {@code enos.app-key}, {@code enos.app-secret}
 * and {@code enos.org-id} (the test routes pass them to the Kamelets). The test routes end in {@code seda:out}, which
 * the test reads.
 */
final class KameletRun implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BackgroundMain main;
    private ConsumerTemplate out;

    private KameletRun(BackgroundMain main) {
        this.main = main;
    }

    /** Starts camel-main on the route file with these properties, and returns once its routes have started. */
    static KameletRun start(EnosSimulator sim, Path routeFile, Map<String, String> properties) throws InterruptedException {
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "file:" + routeFile.toAbsolutePath());
        main.addInitialProperty("camel.main.name", "kamelet-test");
        main.addInitialProperty("enos.gateway-url", sim.baseUrl());
        main.addInitialProperty("enos.app-key", sim.appKey());
        main.addInitialProperty("enos.app-secret", sim.appSecret());
        main.addInitialProperty("enos.org-id", sim.orgId());
        properties.forEach(main::addInitialProperty);
        return new KameletRun(BackgroundMain.start(main, "the route", TIMEOUT));
    }

    /** Runs camel-main on the route file until it fails to start, and returns why it failed. */
    static Throwable failureToStart(EnosSimulator sim, Path routeFile, Map<String, String> properties) throws InterruptedException {
        try (KameletRun run = start(sim, routeFile, properties)) {
            throw new AssertionError("the route started");
        } catch (AssertionError e) {
            if (e.getCause() == null) {
                throw e;
            }
            return e.getCause();
        }
    }

    static Path route(String name) {
        return Path.of("src/test/resources/routes", name);
    }

    CamelContext context() {
        return main.context();
    }

    /** The next {@code count} exchanges that reach seda:out; fails if they do not come within the timeout. */
    List<Exchange> receive(int count) {
        List<Exchange> received = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (received.size() < count) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            Exchange exchange = left > 0 ? consumer().receive("seda:out", left) : null;
            if (exchange == null) {
                throw new AssertionError("received " + received.size() + " of " + count + " messages within " + TIMEOUT);
            }
            received.add(exchange);
        }
        return received;
    }

    /** What reached seda:out and is still waiting there, without waiting for more. */
    List<Exchange> drain() {
        List<Exchange> received = new ArrayList<>();
        for (Exchange e = consumer().receiveNoWait("seda:out"); e != null; e = consumer().receiveNoWait("seda:out")) {
            received.add(e);
        }
        return received;
    }

    /** Waits until the condition holds (e.g. the emulator has answered two more polls). */
    void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + TIMEOUT + ": " + what);
            }
            main.assertRunning();
            Thread.sleep(20);
        }
    }

    private ConsumerTemplate consumer() {
        if (out == null) {
            out = context().createConsumerTemplate();
        }
        return out;
    }

    /** Stops camel-main as Ctrl+C does and waits until it has stopped. */
    @Override
    public void close() throws InterruptedException {
        main.close();
    }
}
