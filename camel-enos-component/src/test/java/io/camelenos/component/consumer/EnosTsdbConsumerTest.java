package io.camelenos.component.consumer;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.EnosApiException;
import io.camelenos.component.EnosConstants;
import com.fasterxml.jackson.databind.node.IntNode;
import io.camelenos.simulator.RequestLog;
import io.camelenos.simulator.data.MeasurementOverlay;
import org.apache.camel.Exchange;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TSDB consumer against the emulator's TSDB service, with the emulator's clock fixed. */
class EnosTsdbConsumerTest extends ConsumerTestSupport {

    private static final Instant NOW = Instant.parse("2024-03-01T00:00:00Z");
    private static final String RAW = "/tsdb-service/v2.1/raw";

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        startSimulator(6600); // 3,036 wind turbines
        sim.clock().fixAt(NOW);
    }

    @Test
    void aBackfillStoppedMidwayAndRestartedOnTheSameStateDeliversEverySampleOnce() throws Exception {
        long start = Instant.parse("2024-02-01T00:00:00Z").toEpochMilli();
        long end = start + Duration.ofDays(7).toMillis() - 1;
        TsdbExpectation expectation = new TsdbExpectation(sim, 100, start, end);
        long expected = expectation.expected();
        File store = dir.resolve("tsdb-state.dat").toFile();
        String uri = "enos:tsdb/read?assetIds=" + String.join(",", expectation.assetIds) + "&pointIds="
                     + String.join(",", TsdbExpectation.POINTS) + "&startTime=2024-02-01T00:00:00Z"
                     + "&endTime=2024-02-07T23:59:59.999Z&pageSize=100&splitResult=false&delay=50"
                     + "&stateKey=backfill&stateRepository=#state";

        CamelContext first = tsdbContext(uri, store, expectation);
        first.start();
        awaitCount(expectation, expected / 3);
        first.stop();
        long afterStop = expectation.count();
        assertTrue(afterStop < expected, "stopped before the end: " + afterStop + " of " + expected);

        CamelContext second = tsdbContext(uri, store, expectation);
        second.start();
        awaitCount(expectation, expected);
        Thread.sleep(500); // a few more polls: a finished backfill reads nothing more
        second.stop();

        assertEquals(0, expectation.duplicates());
        assertEquals(0, expectation.missing());
        assertEquals(0, expectation.unexpected());
        assertEquals(expected, expectation.count());
    }

    @Test
    void recordsOfFailedExchangesAreDeliveredAgainByTheNextPoll() throws Exception {
        long start = Instant.parse("2024-02-10T00:00:00Z").toEpochMilli();
        long end = start + Duration.ofHours(6).toMillis() - 1;
        TsdbExpectation expectation = new TsdbExpectation(sim, 4, start, end);
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("enos:tsdb/read?assetIds=" + String.join(",", expectation.assetIds) + "&pointIds="
                     + String.join(",", TsdbExpectation.POINTS)
                     + "&startTime=2024-02-10T00:00:00Z&endTime=2024-02-10T05:59:59.999Z&pageSize=50"
                     + "&startScheduler=false").routeId("flaky")
                        .process(e -> {
                            long ts = e.getMessage().getHeader(EnosConstants.TIMESTAMP, Long.class);
                            String key = e.getMessage().getHeader(EnosConstants.ASSET_ID) + "/"
                                         + e.getMessage().getHeader(EnosConstants.POINT_ID) + "/" + ts;
                            if ((ts / 60_000) % 7 == 3 && failedOnce.add(key)) {
                                throw new IllegalStateException("sink refused " + key);
                            }
                            expectation.deliver(e.getMessage().getBody(JsonNode.class));
                        });
            }
        });

        pollOnce("flaky");
        long firstPoll = expectation.count();
        assertTrue(!failedOnce.isEmpty() && expectation.missing() == failedOnce.size(),
                "missing after the first poll: the refused records, " + failedOnce.size());
        pollOnce("flaky");

        assertEquals(firstPoll + failedOnce.size(), expectation.count());
        assertEquals(0, expectation.missing());
        assertEquals(0, expectation.duplicates());
        assertEquals(expectation.expected(), expectation.count());
    }

    @Test
    void threeThousandAssetsAreReadInChunksTheEmulatorAccepts() throws Exception {
        long start = Instant.parse("2024-02-20T00:00:00Z").toEpochMilli();
        long end = start + Duration.ofMinutes(10).toMillis() - 1;
        TsdbExpectation expectation = new TsdbExpectation(sim, 3000, start, end);
        String points = String.join(",", TsdbExpectation.POINTS);
        EnosApiException tooBig = assertInstanceOf(EnosApiException.class, assertThrows(
                CamelExecutionException.class, () -> template.requestBody("enos:tsdb/read?pointIds=" + points
                        + "&startTime=2024-02-20T00:00:00Z&endTime=2024-02-20T00:09:59.999Z&assetIds="
                        + String.join(",", expectation.assetIds), (Object) null)).getCause());
        assertEquals(80400, tooBig.getCode());
        sim.requestLog().clear();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("enos:tsdb/read?assetIds=" + String.join(",", expectation.assetIds) + "&pointIds=" + points
                     + "&startTime=2024-02-20T00:00:00Z&endTime=2024-02-20T00:09:59.999Z&splitResult=false"
                     + "&startScheduler=false").routeId("fleet")
                        .process(e -> expectation.deliver(e.getMessage().getBody(JsonNode.class)));
            }
        });

        pollOnce("fleet");

        List<RequestLog.Entry> reads = sim.requestLog().forPath(RAW);
        // pageSize 1000 allows 640 pairs a request: 128 assets of 5 points, so 24 requests for 3,000 assets
        assertEquals(24, reads.size());
        assertTrue(reads.stream().allMatch(r -> r.apiCode() != null && r.apiCode() == 0), reads.toString());
        assertEquals(0, expectation.duplicates());
        assertEquals(0, expectation.missing());
        assertEquals(expectation.expected(), expectation.count());
    }

    @Test
    void theLookbackReReadsButEmitsOnlyTheLateArrivingSample() throws Exception {
        long start = Instant.parse("2024-02-15T00:00:00Z").toEpochMilli();
        TsdbExpectation expectation = new TsdbExpectation(sim, 2, start, start + Duration.ofHours(1).toMillis() - 1);
        Collector late = route("late", "enos:tsdb/read?assetIds=" + String.join(",", expectation.assetIds)
                                        + "&pointIds=WTG.GenActivePW&startTime=2024-02-15T00:00:00Z"
                                        + "&endTime=2024-02-15T00:59:59.999Z&lookback=600000");
        pollOnce("late");
        assertEquals(expectation.expectedOf("WTG.GenActivePW"), late.takeAll().size());
        pollOnce("late");
        assertEquals(List.of(), late.takeAll());

        long lateTimestamp = Instant.parse("2024-02-15T00:55:30Z").toEpochMilli();
        sim.context().shared(MeasurementOverlay.class, c -> new MeasurementOverlay())
                .write(expectation.assetIds.get(0), "WTG.GenActivePW", lateTimestamp, IntNode.valueOf(42), 0);
        pollOnce("late");
        List<Exchange> arrived = late.takeAll();
        assertEquals(1, arrived.size());
        assertEquals(lateTimestamp, arrived.get(0).getMessage().getHeader(EnosConstants.TIMESTAMP));
        assertEquals(42, arrived.get(0).getMessage().getBody(JsonNode.class).path("WTG.GenActivePW").asInt());
        pollOnce("late");
        assertEquals(List.of(), late.takeAll());
    }

    @Test
    void itemFormatOneRoutesThePointsOfATimestampTogetherAndEachOnce() throws Exception {
        long start = Instant.parse("2024-02-16T00:00:00Z").toEpochMilli();
        TsdbExpectation expectation = new TsdbExpectation(sim, 3, start, start + Duration.ofHours(2).toMillis() - 1);
        Collector merged = route("merged", "enos:tsdb/read?assetIds=" + String.join(",", expectation.assetIds)
                                          + "&pointIds=" + String.join(",", TsdbExpectation.POINTS)
                                          + "&startTime=2024-02-16T00:00:00Z&endTime=2024-02-16T01:59:59.999Z"
                                          + "&itemFormat=1&pageSize=7");

        pollOnce("merged");
        pollOnce("merged");

        List<Exchange> records = merged.takeAll();
        records.forEach(e -> expectation.deliver(e.getMessage().getBody(JsonNode.class)));
        assertTrue(records.stream().anyMatch(e -> e.getMessage().getBody(JsonNode.class).size() > 4),
                "some records carry several points");
        assertEquals(0, expectation.duplicates());
        assertEquals(0, expectation.missing());
        assertEquals(expectation.expected(), expectation.count());
    }

    @Test
    void aFewAssetsAreReadInParallelTimeSegmentsYetEachPairInTimeOrderAndOnce() throws Exception {
        long start = Instant.parse("2024-02-12T00:00:00Z").toEpochMilli();
        TsdbExpectation expectation = new TsdbExpectation(sim, 2, start, start + Duration.ofDays(2).toMillis() - 1);
        Collector segments = route("segments", "enos:tsdb/read?assetIds=" + String.join(",", expectation.assetIds)
                                               + "&pointIds=" + String.join(",", TsdbExpectation.POINTS)
                                               + "&startTime=2024-02-12T00:00:00Z&endTime=2024-02-13T23:59:59.999Z"
                                               + "&pageSize=150&parallelPages=4");
        sim.requestLog().clear();

        pollOnce("segments");

        // 2,880 one-minute samples per pair at 150 a page: one request would need 20 pages, one after the other
        assertTrue(sim.requestLog().forPath(RAW).size() >= 20, sim.requestLog().forPath(RAW).toString());
        java.util.Map<String, Long> lastOfPair = new java.util.HashMap<>();
        for (Exchange e : segments.takeAll()) {
            String pair = e.getMessage().getHeader(EnosConstants.ASSET_ID) + "/"
                          + e.getMessage().getHeader(EnosConstants.POINT_ID);
            long ts = e.getMessage().getHeader(EnosConstants.TIMESTAMP, Long.class);
            Long before = lastOfPair.put(pair, ts);
            assertTrue(before == null || before < ts, pair + " went back from " + before + " to " + ts);
            expectation.deliver(e.getMessage().getBody(JsonNode.class));
        }
        assertEquals(0, expectation.duplicates());
        assertEquals(0, expectation.missing());
        assertEquals(expectation.expected(), expectation.count());
    }

    private CamelContext tsdbContext(String uri, File store, TsdbExpectation expectation) throws Exception {
        CamelContext c = new DefaultCamelContext();
        c.addComponent("enos", component());
        c.getRegistry().bind("state", FileStateRepository.fileStateRepository(store));
        c.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> expectation.deliver(e.getMessage().getBody(JsonNode.class)));
            }
        });
        return c;
    }

    private static void awaitCount(TsdbExpectation expectation, long count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (expectation.count() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(expectation.count() >= count, "delivered " + expectation.count() + " of " + count);
    }
}
