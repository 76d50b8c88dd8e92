package io.camelenos.component.consumer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelenos.component.EnosComponent;
import io.camelenos.component.EnosTestSupport;
import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consumer tests against one strict-auth emulator per class (each class picks its size), with the enos component
 * configured for it. Polls are started by the tests: routes use startScheduler=false and {@link #pollOnce}.
 */
public abstract class ConsumerTestSupport extends CamelTestSupport {

    static EnosSimulator sim;

    static void startSimulator(int assets) {
        sim = EnosSimulator.builder().port(0).assets(assets).seed(42).authMode(AuthMode.STRICT).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("enos", component());
        return context;
    }

    static EnosComponent component() {
        return EnosTestSupport.componentFor(sim);
    }

    /** Adds a route from the URI (no scheduler: the test polls) into a collector, and returns the collector. */
    Collector route(String id, String uri) throws Exception {
        Collector collector = new Collector();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + (uri.contains("?") ? "&" : "?") + "startScheduler=false").routeId(id).process(collector);
            }
        });
        return collector;
    }

    /** Runs one poll of the route's consumer on this thread, as the scheduler would. */
    void pollOnce(String routeId) {
        ((org.apache.camel.support.ScheduledPollConsumer) context.getRoute(routeId).getConsumer()).run();
    }

    /** Collects the exchanges a route receives (copies, since the consumer reuses nothing but we keep them). */
    static class Collector implements org.apache.camel.Processor {
        final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch complete = new CountDownLatch(1);

        @Override
        public void process(Exchange exchange) {
            exchanges.add(exchange.copy());
            if (Boolean.TRUE.equals(exchange.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class))) {
                complete.countDown();
            }
        }

        void awaitBatchComplete() throws InterruptedException {
            assertTrue(complete.await(60, TimeUnit.SECONDS), "no exchange marked CamelBatchComplete");
        }

        List<Exchange> takeAll() {
            synchronized (exchanges) {
                List<Exchange> all = new ArrayList<>(exchanges);
                exchanges.clear();
                complete = new CountDownLatch(1);
                return all;
            }
        }
    }
}
