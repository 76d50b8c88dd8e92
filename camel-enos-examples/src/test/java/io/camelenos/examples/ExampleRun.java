package io.camelenos.examples;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelenos.simulator.EnosSimulator;
import io.camelenos.testing.BackgroundMain;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * An example's camel-main running on a background thread, as its {@code main()} runs it, until the test closes it
 * (as Ctrl+C would). It counts the idle polls of the example's routes (the empty exchange a consumer with
 * {@code sendEmptyMessageWhenIdle} sends when a poll found nothing new), so that a test can wait until a route has
 * caught up instead of sleeping.
 */
final class ExampleRun implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, AtomicInteger> idlePolls = new ConcurrentHashMap<>();
    private BackgroundMain main;

    private ExampleRun() {
    }

    /** The example's Main pointed at the emulator, as the ENOS_* variables would point it at a tenant. */
    static Main connectedTo(Main main, EnosSimulator sim) {
        main.addOverrideProperty("camel.component.enos.gateway-url", sim.baseUrl());
        main.addOverrideProperty("camel.component.enos.org-id", sim.orgId());
        main.addOverrideProperty("camel.component.enos.app-key", sim.appKey());
        main.addOverrideProperty("camel.component.enos.app-secret", sim.appSecret());
        return main;
    }

    /** Starts the Main and returns once its CamelContext has started. */
    static ExampleRun start(Main main) throws InterruptedException {
        ExampleRun run = new ExampleRun();
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                configured.getCamelContext().getManagementStrategy().addEventNotifier(run.new IdlePollCounter());
            }
        });
        run.main = BackgroundMain.start(main, "the example", TIMEOUT);
        return run;
    }

    CamelContext context() {
        return main.context();
    }

    /** Waits until each of the routes has had {@code polls} more idle polls than when called. */
    void awaitIdlePolls(int polls, String... routeIds) throws InterruptedException {
        Map<String, Integer> target = new ConcurrentHashMap<>();
        for (String id : routeIds) {
            target.put(id, idle(id).get() + polls);
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (target.entrySet().stream().anyMatch(t -> idle(t.getKey()).get() < t.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no idle poll within " + TIMEOUT + ": " + idlePolls + ", wanted " + target);
            }
            main.assertRunning();
            Thread.sleep(20);
        }
    }

    /** Stops the example as Ctrl+C does (graceful shutdown of its routes) and waits until it has stopped. */
    @Override
    public void close() throws InterruptedException {
        main.close();
    }

    private AtomicInteger idle(String routeId) {
        return idlePolls.computeIfAbsent(routeId, k -> new AtomicInteger());
    }

    /**
     * Counts the idle polls of each route: the exchange a consumer starts with no body. (Its exchanges of a poll all
     * carry a record; only the empty one of an idle poll, sent after the poll has ended, has none.)
     */
    private final class IdlePollCounter extends EventNotifierSupport {
        @Override
        public void notify(CamelEvent event) {
            Exchange exchange = ((CamelEvent.ExchangeCreatedEvent) event).getExchange();
            if (exchange.getFromRouteId() != null && exchange.getMessage().getBody() == null) {
                idle(exchange.getFromRouteId()).incrementAndGet();
            }
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.ExchangeCreatedEvent;
        }
    }
}
