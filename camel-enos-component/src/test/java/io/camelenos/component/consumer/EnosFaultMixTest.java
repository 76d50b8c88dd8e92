package io.camelenos.component.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.EnosConstants;
import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulator;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumers under a hostile network, at sizes that take seconds (camel-enos-bench's FaultMixHarness runs the
 * full-size figures): 10 ms latency with 20 ms jitter, 10 % HTTP 503, 2 % 429 with Retry-After 1 s, 1 % dropped
 * connections, 1 % connections reset half-way through the body, tokens expiring every 5 s.
 */
class EnosFaultMixTest extends ConsumerTestSupport {

    private static final int ASSETS = 3_000;

    @BeforeAll
    static void start() {
        sim = EnosSimulator.builder().port(0).assets(ASSETS).seed(42).authMode(AuthMode.STRICT).tokenTtlSeconds(5)
                .build().start();
        sim.clock().fixAt(Instant.parse("2024-03-01T00:00:00Z"));
    }

    @BeforeEach
    void faultMix() {
        sim.faults().clear().latencyMillis(10).latencyJitterMillis(20).serverErrorRate(0.10).rateLimitRate(0.02)
                .retryAfterSeconds(1).dropRate(0.01).resetRate(0.01);
    }

    @Test
    void aSearchDrainUnderTheFaultMixCompletesInOnePassWithNothingMissingOrTwice() throws Exception {
        Drain drain = drain("enos:asset/search?pageSize=100&parallelPages=2");

        assertEquals(ASSETS, drain.keys.size(), "missing: " + (ASSETS - drain.keys.size()));
        assertEquals(0, drain.duplicates.get());
        assertEquals(1, drain.polls, "polls to complete the pass");
    }

    @Test
    void aSearchDrainAtOneThirdOf503sCompletesWithinThreePollsWithNothingMissingOrTwice() throws Exception {
        sim.faults().clear().serverErrorRate(0.35).dropRate(0.02);

        Drain drain = drain("enos:asset/search?pageSize=100&parallelPages=2&retryInitialBackoff=1&retryMaxBackoff=5");

        assertEquals(ASSETS, drain.keys.size(), "missing: " + (ASSETS - drain.keys.size()));
        assertTrue(drain.polls <= 3, "polls to complete the pass: " + drain.polls);
        assertEquals(0, drain.duplicates.get(), "a failed page is not re-delivered");
    }

    @Test
    void aSevenDayTsdbBackfillUnderTheFaultMixEqualsTheEmulatorsSeries() throws Exception {
        long start = Instant.parse("2024-02-01T00:00:00Z").toEpochMilli();
        long end = start + Duration.ofDays(7).toMillis() - 1;
        TsdbExpectation expectation = new TsdbExpectation(sim, 4, start, end);
        long expected = expectation.expected();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("enos:tsdb/read?assetIds=" + String.join(",", expectation.assetIds) + "&pointIds="
                     + String.join(",", TsdbExpectation.POINTS) + "&startTime=2024-02-01T00:00:00Z"
                     + "&endTime=2024-02-07T23:59:59.999Z&pageSize=1000&splitResult=false&delay=10")
                        .process(e -> expectation.deliver(e.getMessage().getBody(JsonNode.class)));
            }
        });
        long deadline = System.currentTimeMillis() + 120_000;
        while (expectation.count() < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }

        assertEquals(expected, expectation.count());
        assertEquals(0, expectation.duplicates());
        assertEquals(0, expectation.missing(), "the backfill equals a fault-free read of the same series");
        assertEquals(0, expectation.unexpected());
    }

    /** Polls until a pass completes (at most 10 polls); counts distinct keys, duplicates and polls. */
    private Drain drain(String uri) throws Exception {
        Drain drain = new Drain();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&startScheduler=false").routeId("drain").process(e -> {
                    if (!drain.keys.add(e.getMessage().getHeader(EnosConstants.RECORD_KEY, String.class))) {
                        drain.duplicates.incrementAndGet();
                    }
                    if (Boolean.TRUE.equals(e.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class))) {
                        drain.complete.incrementAndGet();
                    }
                });
            }
        });
        while (drain.complete.get() == 0 && drain.polls < 10) {
            pollOnce("drain");
            drain.polls++;
        }
        assertEquals(1, drain.complete.get(), "exchanges marked CamelBatchComplete");
        return drain;
    }

    private static final class Drain {
        final Set<String> keys = new HashSet<>();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicInteger complete = new AtomicInteger();
        int polls;
    }
}
