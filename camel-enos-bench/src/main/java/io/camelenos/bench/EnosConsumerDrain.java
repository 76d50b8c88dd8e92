package io.camelenos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The same drain through the enos: search consumer: {@code from("enos:asset/search?pageSize=1000")}, one exchange
 * per record (or per page with {@code splitResult=false}). Each drain starts the route for one poll and waits for
 * the exchange that completes the batch.
 */
public final class EnosConsumerDrain implements Drain {

    private static final String ROUTE = "enos-drain";

    private final CamelContext camel;
    private final boolean pageMode;
    private final AtomicReference<Tally> tally = new AtomicReference<>();
    private final AtomicReference<CountDownLatch> done = new AtomicReference<>();

    /**
     * @param pageMode     one exchange per page instead of one per record
     * @param extraOptions more URI options, starting with {@code &} (or empty)
     */
    public EnosConsumerDrain(String baseUrl, String orgId, String appKey, String appSecret, int pageSize,
                             boolean pageMode, String extraOptions) throws Exception {
        this.pageMode = pageMode;
        camel = EnosRoutes.context(baseUrl, orgId, appKey, appSecret);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("enos:asset/search?pageSize=" + pageSize + "&splitResult=" + !pageMode
                     + "&initialDelay=0&delay=3600000" + extraOptions + EnosRoutes.CONNECTION)
                        .routeId(ROUTE).autoStartup(false)
                        .process(e -> {
                            receive(e.getMessage().getBody(JsonNode.class));
                            if (e.getProperty(Exchange.BATCH_COMPLETE, false, Boolean.class)) {
                                done.get().countDown();
                            }
                        });
            }
        });
        camel.start();
    }

    private void receive(JsonNode body) {
        if (pageMode) {
            for (JsonNode record : body) {
                tally.get().record(record.path("assetId").asText());
            }
        } else {
            tally.get().record(body.path("assetId").asText());
        }
    }

    @Override
    public String name() {
        return pageMode ? "enos: search consumer, page mode" : "enos: search consumer, record mode";
    }

    @Override
    public void drain(Tally tally) throws Exception {
        this.tally.set(tally);
        done.set(new CountDownLatch(1));
        camel.getRouteController().startRoute(ROUTE);
        try {
            if (!done.get().await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the consumer did not complete a poll within 10 minutes");
            }
        } finally {
            camel.getRouteController().stopRoute(ROUTE);
        }
    }

    /** The route's consumer, for its figures (pages held). */
    public org.apache.camel.Consumer consumer() {
        return camel.getRoute(ROUTE).getConsumer();
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
