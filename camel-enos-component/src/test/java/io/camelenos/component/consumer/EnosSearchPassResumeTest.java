package io.camelenos.component.consumer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelenos.component.EnosConstants;
import io.camelenos.simulator.fault.FaultKind;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A search pass that fails part-way never claims completion, and the next poll (or the next start of the route)
 * resumes it at the page that failed: nothing is missed and nothing delivered twice.
 */
class EnosSearchPassResumeTest extends ConsumerTestSupport {

    private static final int ASSETS = 1_000;

    @BeforeAll
    static void start() {
        startSimulator(ASSETS);
    }

    @BeforeEach
    void noFaults() {
        sim.faults().clear();
    }

    @Test
    void aPollThatFailsPartWayIsNotBatchCompleteAndTheNextPollResumesAtTheFailedPage() throws Exception {
        Collector drain = route("drain", "enos:asset/search?pageSize=100&parallelPages=1&maxRetries=0");
        sim.faults().failAfter(3, 1, FaultKind.HTTP_503);

        pollOnce("drain");
        List<Exchange> first = drain.takeAll();
        assertEquals(300, first.size(), "the pages before the one that failed");
        Exchange lastOfFailed = first.get(first.size() - 1);
        assertFalse(lastOfFailed.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class));
        assertFalse(lastOfFailed.getMessage().getHeader(EnosConstants.PASS_COMPLETE, Boolean.class));

        pollOnce("drain");
        List<Exchange> second = drain.takeAll();
        Set<String> keys = keys(first);
        keys.addAll(keys(second));
        assertEquals(ASSETS, first.size() + second.size(), "no record delivered twice");
        assertEquals(ASSETS, keys.size(), "no record missed");
        Exchange last = second.get(second.size() - 1);
        assertTrue(last.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class));
        assertTrue(last.getMessage().getHeader(EnosConstants.PASS_COMPLETE, Boolean.class));
        assertEquals(ASSETS, last.getProperty(ExchangePropertyKey.BATCH_SIZE, Integer.class));
        assertEquals(300, second.get(0).getProperty(ExchangePropertyKey.BATCH_INDEX, Integer.class),
                "the batch index goes on across the polls of a pass");
        assertEquals(4, second.get(0).getMessage().getHeader(EnosConstants.PAGE_NO), "resumed at the failed page");

        pollOnce("drain");
        List<Exchange> third = drain.takeAll();
        assertEquals(ASSETS, third.size(), "after a complete pass the next one starts at page 1");
        assertEquals(1, third.get(0).getMessage().getHeader(EnosConstants.PAGE_NO));
    }

    @Test
    void aPassThatFailsWithPagesInFlightRoutesThePagesBeforeTheFailedOneAndResumesThere() throws Exception {
        Collector drain = route("parallel", "enos:asset/search?pageSize=100&parallelPages=4&maxRetries=0");
        // the third request to arrive fails: with four in flight, which page that is depends on the race
        sim.faults().failAfter(2, 1, FaultKind.HTTP_503);

        pollOnce("parallel");
        List<Exchange> first = drain.takeAll();
        pollOnce("parallel");
        List<Exchange> second = drain.takeAll();

        assertTrue(first.size() % 100 == 0 && first.size() >= 100 && first.size() < ASSETS, "whole pages: "
                                                                                             + first.size());
        assertFalse(first.get(first.size() - 1).getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class));
        for (int i = 0; i < first.size(); i++) {
            assertEquals(i / 100 + 1, first.get(i).getMessage().getHeader(EnosConstants.PAGE_NO), "page order");
        }
        assertEquals(first.size() / 100 + 1, second.get(0).getMessage().getHeader(EnosConstants.PAGE_NO),
                "resumed at the page that failed");
        Set<String> keys = keys(first);
        keys.addAll(keys(second));
        assertEquals(ASSETS, first.size() + second.size(), "no record delivered twice");
        assertEquals(ASSETS, keys.size(), "no record missed");
        assertTrue(second.get(second.size() - 1).getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class));
    }

    @Test
    void theDrainRecipeNeverCountsAFailedPollAsAFullDrain() throws Exception {
        Collector drain = route("once", "enos:asset/search?pageSize=100&parallelPages=1&maxRetries=0&repeatCount=1");
        sim.faults().failAfter(2, 1, FaultKind.HTTP_503);

        pollOnce("once");

        assertEquals(200, drain.exchanges.size());
        assertTrue(drain.exchanges.stream().noneMatch(
                e -> Boolean.TRUE.equals(e.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class))),
                "no exchange of a failed pass claims the batch complete");
        Exchange last = drain.exchanges.get(199);
        assertFalse(last.getMessage().getHeader(EnosConstants.PASS_COMPLETE, Boolean.class));
        assertFalse(last.getMessage().getHeader(EnosConstants.PAGE_DRIFT, Boolean.class));
    }

    @Test
    void aRestartedRouteResumesThePassFromTheStateRepository() throws Exception {
        context.getRegistry().bind("passState", new MemoryStateRepository());
        String uri = "enos:asset/search?pageSize=100&parallelPages=1&maxRetries=0&stateRepository=#passState"
                     + "&stateKey=restart";
        Collector before = route("before", uri);
        sim.faults().failAfter(2, 1, FaultKind.DROP);
        pollOnce("before");
        List<Exchange> first = before.takeAll();
        assertEquals(200, first.size());
        context.getRouteController().stopRoute("before");
        context.removeRoute("before");

        Collector after = route("after", uri);
        pollOnce("after");
        List<Exchange> second = after.takeAll();

        assertEquals(ASSETS, first.size() + second.size());
        Set<String> keys = keys(first);
        keys.addAll(keys(second));
        assertEquals(ASSETS, keys.size());
        assertTrue(second.get(second.size() - 1).getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class));
    }

    @Test
    void changeDetectionAcrossAResumedPassReportsExactlyTheDeletions() throws Exception {
        context.getRegistry().bind("changes", new MemoryStateRepository());
        String uri = "enos:asset/search?pageSize=100&parallelPages=1&maxRetries=0&changesOnly=true"
                     + "&stateRepository=#changes&stateKey=resumed";
        String victim = createLogicalAsset("Resume victim");
        Collector sync = route("sync", uri);
        pollOnce("sync");
        int all = sync.takeAll().size();
        assertTrue(all > ASSETS, "the first pass routes every asset as CREATED: " + all);

        template.requestBody("enos:asset/deleteLogicalAsset?assetId=" + victim, (Object) null);
        sim.faults().failAfter(3, 1, FaultKind.HTTP_503);
        pollOnce("sync"); // nothing changed on pages 1-3; page 4 fails
        assertTrue(sync.takeAll().isEmpty());
        pollOnce("sync"); // pages 4 to the last: the records of pages 1-3 are not deletions

        List<Exchange> resumed = sync.takeAll();
        assertEquals(List.of(victim), keysOf(resumed), "exactly the deleted asset");
        assertEquals("DELETED", change(resumed.get(0)));
        assertTrue(resumed.get(0).getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class));
        pollOnce("sync");
        assertTrue(sync.takeAll().isEmpty(), "a deletion is reported once");
    }

    @Test
    void aPassRestoredAfterARestartReportsNoDeletionsUntilAFullPass() throws Exception {
        context.getRegistry().bind("restored", new MemoryStateRepository());
        String uri = "enos:asset/search?pageSize=100&parallelPages=1&maxRetries=0&changesOnly=true"
                     + "&stateRepository=#restored&stateKey=restored";
        String victim = createLogicalAsset("Restart victim");
        Collector first = route("first", uri);
        pollOnce("first");
        assertTrue(first.takeAll().size() > ASSETS);
        sim.faults().failAfter(3, 1, FaultKind.HTTP_503);
        pollOnce("first");
        context.getRouteController().stopRoute("first");
        context.removeRoute("first");
        template.requestBody("enos:asset/deleteLogicalAsset?assetId=" + victim, (Object) null);

        Collector restarted = route("restarted", uri);
        pollOnce("restarted"); // a pass resumed at page 4 after a restart: pages 1-3 unknown, so no deletions
        assertTrue(restarted.takeAll().isEmpty());
        pollOnce("restarted");
        List<Exchange> full = restarted.takeAll();
        assertEquals(List.of(victim), keysOf(full));
        assertEquals("DELETED", change(full.get(0)));
    }

    private String createLogicalAsset(String name) {
        Map<String, Object> body = Map.of("assetInstance", Map.of("modelId", sim.dataSet().modelOf(0).modelId(),
                "timezone", "+08:00", "name", Map.of("defaultValue", name), "attributes", Map.of("capacity", 1.5)));
        return template.requestBody("enos:asset/createLogicalAsset?outputType=java.lang.String", body, String.class);
    }

    private static Set<String> keys(List<Exchange> exchanges) {
        Set<String> keys = new HashSet<>();
        exchanges.forEach(e -> keys.add(e.getMessage().getHeader(EnosConstants.RECORD_KEY, String.class)));
        return keys;
    }

    private static List<Object> keysOf(List<Exchange> exchanges) {
        return exchanges.stream().map(e -> e.getMessage().getHeader(EnosConstants.RECORD_KEY)).toList();
    }

    private static String change(Exchange exchange) {
        return exchange.getMessage().getHeader(EnosConstants.CHANGE_TYPE, String.class);
    }
}
