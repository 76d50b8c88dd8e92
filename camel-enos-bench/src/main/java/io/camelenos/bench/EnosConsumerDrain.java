package io.camelenos.bench;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The same drain through the enos: search consumer: {@code from("enos:asset/search?pageSize=1000")}, one exchange
 * per record, the next page prefetched while the current one is routed. Each drain starts the route for one poll
 * and waits for the exchange that completes the batch.
 */
public final class EnosConsumerDrain implements Drain {

    private static final String ROUTE = "enos-drain";

    private final CamelContext camel;
    private final AtomicLong records = new AtomicLong();
    private final AtomicReference<CountDownLatch> done = new AtomicReference<>();

    public EnosConsumerDrain(String baseUrl, String orgId, String appKey, String appSecret, int pageSize) throws Exception {
        camel = EnosRoutes.context(baseUrl, orgId, appKey, appSecret);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("enos:asset/search?pageSize=" + pageSize + "&initialDelay=0&delay=3600000"
                        + EnosRoutes.CONNECTION)
                        .routeId(ROUTE).autoStartup(false)
                        .process(e -> {
                            records.incrementAndGet();
                            if (e.getProperty(Exchange.BATCH_COMPLETE, false, Boolean.class)) {
                                done.get().countDown();
                            }
                        });
            }
        });
        camel.start();
    }

    @Override
    public String name() {
        return "enos: search consumer (prefetch)";
    }

    @Override
    public long drain() throws Exception {
        records.set(0);
        done.set(new CountDownLatch(1));
        camel.getRouteController().startRoute(ROUTE);
        try {
            if (!done.get().await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the consumer did not complete a poll within 10 minutes");
            }
        } finally {
            camel.getRouteController().stopRoute(ROUTE);
        }
        return records.get();
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
