package io.camelenos.component.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.EnosConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partition option splits the assets of a search or a TSDB export into disjoint shares that cover them all. */
class EnosPartitionTest extends ConsumerTestSupport {

    private static final int ASSETS = 1200;

    @BeforeAll
    static void start() {
        startSimulator(ASSETS);
        sim.clock().fixAt(Instant.parse("2024-03-01T00:00:00Z"));
    }

    @Test
    void theHashIsTheDocumentedSha256Prefix() {
        // values computed outside Java: int.from_bytes(hashlib.sha256(id.encode()).digest()[:8], 'big') % n
        assertEquals(4, AssetPartition.of("asset-1", 8));
        assertEquals(2, AssetPartition.of("asset-1", 3));
        assertEquals(1, AssetPartition.of("7a9fb1cd", 8));
        assertEquals(870, AssetPartition.of("turbine_0042", 1000));
        assertEquals(3, AssetPartition.of("é", 8));
        assertTrue(AssetPartition.parse("4/8").takes("asset-1"));
        assertFalse(AssetPartition.parse("3/8").takes("asset-1"));
    }

    @Test
    void searchPartitionsAreDisjointAndCoverTheWholeResult() throws Exception {
        Collector whole = route("whole", "enos:asset/search?pageSize=500");
        pollOnce("whole");
        Set<String> all = assetIds(whole.takeAll());
        assertEquals(ASSETS, all.size());

        Set<String> union = new HashSet<>();
        for (int k = 0; k < 4; k++) {
            Collector share = route("share" + k, "enos:asset/search?pageSize=500&partition=" + k + "/4");
            pollOnce("share" + k);
            List<Exchange> received = share.takeAll();
            Set<String> ids = assetIds(received);
            assertEquals(received.size(), ids.size(), "no record twice in partition " + k);
            assertTrue(ids.size() > ASSETS / 8, "partition " + k + " holds a fair share: " + ids.size());
            for (String id : ids) {
                assertEquals(k, AssetPartition.of(id, 4), id);
                assertTrue(union.add(id), id + " in two partitions");
            }
            assertTrue(received.get(received.size() - 1).getProperty(Exchange.BATCH_COMPLETE, Boolean.class));
        }
        assertEquals(all, union);
    }

    @Test
    void pagesOfAPartitionHoldOnlyItsRecords() throws Exception {
        Collector pages = route("pages", "enos:asset/search?pageSize=500&splitResult=false&partition=1/3");
        pollOnce("pages");
        List<Exchange> received = pages.takeAll();
        assertEquals((ASSETS + 499) / 500, received.size());
        int records = 0;
        for (Exchange page : received) {
            for (JsonNode asset : page.getMessage().getBody(JsonNode.class)) {
                assertEquals(1, AssetPartition.of(asset.path("assetId").asText(), 3));
                records++;
            }
        }
        assertTrue(records > ASSETS / 6 && records < ASSETS / 2, "records: " + records);
    }

    @Test
    void tsdbPartitionsDeliverEverySampleOnceBetweenThem() throws Exception {
        long start = Instant.parse("2024-02-20T00:00:00Z").toEpochMilli();
        TsdbExpectation expectation = new TsdbExpectation(sim, 24, start, start + 3_600_000 - 1);
        List<Set<String>> assetsOf = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Set<String> seen = new HashSet<>();
            assetsOf.add(seen);
            String id = "tsdb" + k;
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("enos:tsdb/read?assetIds=" + String.join(",", expectation.assetIds) + "&pointIds="
                         + String.join(",", TsdbExpectation.POINTS) + "&startTime=2024-02-20T00:00:00Z"
                         + "&endTime=2024-02-20T00:59:59.999Z&splitResult=false&startScheduler=false&partition="
                         + id.charAt(4) + "/3").routeId(id)
                            .process(e -> {
                                e.getMessage().getBody(JsonNode.class).forEach(r -> seen.add(r.path("assetId").asText()));
                                expectation.deliver(e.getMessage().getBody(JsonNode.class));
                            });
                }
            });
            pollOnce(id);
        }
        assertEquals(0, expectation.duplicates());
        assertEquals(0, expectation.unexpected());
        assertEquals(0, expectation.missing());
        assertEquals(expectation.expected(), expectation.count());
        Set<String> union = new HashSet<>();
        for (int k = 0; k < 3; k++) {
            for (String asset : assetsOf.get(k)) {
                assertEquals(k, AssetPartition.of(asset, 3));
                assertTrue(union.add(asset));
            }
        }
        assertEquals(new HashSet<>(expectation.assetIds), union);
    }

    @Test
    void aPartitionWithoutAnyOfTheAssetsReadsNothing() throws Exception {
        String asset = sim.dataSet().assetId(0);
        int other = (AssetPartition.of(asset, 2) + 1) % 2;
        Collector none = route("none", "enos:tsdb/read?assetIds=" + asset + "&pointIds=" + TsdbExpectation.POINTS.get(0)
                                       + "&startTime=2024-02-20T00:00:00Z&partition=" + other + "/2");
        pollOnce("none");
        assertTrue(none.takeAll().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "3/2", "a/b", "0/0", "-1/4", "1/0", "2/2", "3", "1/5000" })
    void aMalformedPartitionFailsAtRouteStartNamingTheOptionAndValue(String value) {
        Exception e = assertThrows(Exception.class, () -> route("bad", "enos:asset/search?partition=" + value));
        String message = rootMessage(e);
        assertTrue(message.contains("option partition") && message.contains("'" + value + "'"), message);
    }

    @Test
    void thePartitionOptionIsRefusedWhereItMeansNothing() {
        Exception e = assertThrows(Exception.class, () -> route("alerts", "enos:alert/searchActiveAlerts?partition=0/2"));
        assertTrue(rootMessage(e).contains("Invalid value for option partition: '0/2' (applies to the search and TSDB "
                                           + "consumers only"), rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static Set<String> assetIds(List<Exchange> exchanges) {
        Set<String> ids = new HashSet<>();
        for (Exchange e : exchanges) {
            ids.add(e.getMessage().getHeader(EnosConstants.RECORD_KEY, String.class));
        }
        return ids;
    }
}
