package io.camelenos.component.consumer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.EnosConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search consumer pages through the emulator's real asset search (20,000 assets). */
class EnosSearchConsumerTest extends ConsumerTestSupport {

    private static final int ASSETS = 20_000;

    @BeforeAll
    static void start() {
        startSimulator(ASSETS);
    }

    @Test
    void everyAssetIsEmittedExactlyOncePerPollWithFewPagesHeld() throws Exception {
        Set<String> seen = new HashSet<>();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong lastBatchSize = new AtomicLong();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("enos:asset/search?pageSize=500&parallelPages=2&startScheduler=false").routeId("drain")
                        .process(e -> {
                            if (!seen.add(e.getMessage().getHeader(EnosConstants.RECORD_KEY, String.class))) {
                                duplicates.incrementAndGet();
                            }
                            if (e.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class)) {
                                lastBatchSize.set(e.getProperty(ExchangePropertyKey.BATCH_SIZE, Integer.class));
                            }
                        });
            }
        });

        pollOnce("drain");

        assertEquals(ASSETS, seen.size());
        assertEquals(0, duplicates.get());
        assertEquals(ASSETS, lastBatchSize.get());
        assertTrue(seen.contains(sim.dataSet().assetId(0)) && seen.contains(sim.dataSet().assetId(ASSETS - 1)));
        int held = consumer("drain").getMaxPagesHeld();
        assertTrue(held >= 1 && held <= 2 + 1, "pages held at once: " + held);
    }

    @Test
    void aSlowRouteDoesNotMakeTheConsumerHoldMoreThanParallelPagesPlusOne() throws Exception {
        AtomicLong count = new AtomicLong();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("enos:asset/search?pageSize=1000&parallelPages=3&startScheduler=false").routeId("slow")
                        .process(e -> {
                            if (count.incrementAndGet() == 1) {
                                Thread.sleep(1500); // meanwhile the requests in flight fill up, and no more leave
                            }
                        });
            }
        });

        pollOnce("slow");

        assertEquals(ASSETS, count.get());
        assertEquals(3 + 1, consumer("slow").getMaxPagesHeld());
    }

    @Test
    void pagesFetchedInParallelAreRoutedInThePageOrderOfASequentialPoll() throws Exception {
        Collector sequential = route("sequential", "enos:asset/search?pageSize=500&parallelPages=1");
        Collector parallel = route("parallel", "enos:asset/search?pageSize=500&parallelPages=6");

        pollOnce("sequential");
        pollOnce("parallel");

        List<Object> expected = sequential.takeAll().stream()
                .map(e -> e.getMessage().getHeader(EnosConstants.RECORD_KEY)).toList();
        List<Exchange> received = parallel.takeAll();
        assertEquals(ASSETS, expected.size());
        assertEquals(expected, received.stream().map(e -> e.getMessage().getHeader(EnosConstants.RECORD_KEY)).toList());
        for (int i = 0; i < received.size(); i++) {
            assertEquals(i / 500 + 1, received.get(i).getMessage().getHeader(EnosConstants.PAGE_NO, Integer.class));
            assertEquals(i, received.get(i).getProperty(ExchangePropertyKey.BATCH_INDEX, Integer.class));
        }
        assertTrue(consumer("parallel").getMaxPagesHeld() <= 6 + 1);
    }

    @Test
    void splitResultFalseEmitsOnePagePerExchangeWithPageHeaders() throws Exception {
        Collector pages = route("pages", "enos:asset/search?pageSize=1000&splitResult=false");

        pollOnce("pages");

        List<Exchange> all = pages.takeAll();
        assertEquals(20, all.size());
        for (int i = 0; i < all.size(); i++) {
            Exchange page = all.get(i);
            assertEquals(i + 1, page.getMessage().getHeader(EnosConstants.PAGE_NO, Integer.class));
            assertEquals(ASSETS, page.getMessage().getHeader(EnosConstants.TOTAL_SIZE, Long.class));
            assertEquals(1000, page.getMessage().getBody(JsonNode.class).size());
            assertEquals(i, page.getProperty(ExchangePropertyKey.BATCH_INDEX, Integer.class));
            assertEquals(20, page.getProperty(ExchangePropertyKey.BATCH_SIZE, Integer.class));
            assertEquals(i == 19, page.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class));
        }
        assertFalse(all.get(19).getMessage().getHeader(EnosConstants.PAGE_DRIFT, Boolean.class));
    }

    @Test
    void expressionAndProjectionOptionsSelectTheRecords() throws Exception {
        String model = sim.dataSet().modelOf(0).modelId();
        Collector sites = route("sites", "enos:asset/search?pageSize=100&expression=modelId = '" + model
                                         + "'&projection=assetId,modelId");

        pollOnce("sites");

        List<Exchange> all = sites.takeAll();
        assertFalse(all.isEmpty());
        for (Exchange e : all) {
            JsonNode asset = e.getMessage().getBody(JsonNode.class);
            assertEquals(model, asset.path("modelId").asText());
            assertFalse(asset.has("name"), asset.toString());
        }
        assertEquals(all.size(), all.get(0).getMessage().getHeader(EnosConstants.TOTAL_SIZE, Long.class));
    }

    private EnosSearchConsumer consumer(String routeId) {
        return (EnosSearchConsumer) context.getRoute(routeId).getConsumer();
    }
}
