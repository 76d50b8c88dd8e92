package io.camelenos.component.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelenos.component.EnosConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Records removed from the asset search while a poll pages through it. */
class EnosPageDriftTest extends ConsumerTestSupport {

    private static final int ASSETS = 50;

    @BeforeAll
    static void start() {
        startSimulator(ASSETS);
    }

    @Test
    void aDeletionWhilePagingIsFlaggedAndReportedOnlyByTheNextCompletePoll() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            created.add(createLogicalAsset("Drift " + i));
        }
        context.getRegistry().bind("state", new MemoryStateRepository());
        String uri = "enos:asset/search?pageSize=5&parallelPages=1&changesOnly=true&stateKey=drift"
                     + "&stateRepository=#state";
        Collector baseline = route("baseline", uri);
        pollOnce("baseline");
        assertEquals(ASSETS + 40, baseline.exchanges.size());
        context.getRouteController().stopRoute("baseline");
        context.removeRoute("baseline");

        String victim = created.get(0);
        String trigger = created.get(5);
        List<Exchange> during = new ArrayList<>();
        updateTags(trigger);
        // the consumer holds one exchange back to mark the last one: a second change routes the trigger mid-poll
        updateTags(created.get(8));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&startScheduler=false").routeId("drifting").process(e -> {
                    during.add(e.copy());
                    if (trigger.equals(e.getMessage().getHeader(EnosConstants.RECORD_KEY))) {
                        // already paged past: its removal shifts every later record one place back
                        template.requestBody("enos:asset/deleteLogicalAsset?assetId=" + victim, (Object) null);
                    }
                });
            }
        });
        pollOnce("drifting");

        Exchange last = during.get(during.size() - 1);
        assertTrue(last.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class));
        assertTrue(last.getMessage().getHeader(EnosConstants.PAGE_DRIFT, Boolean.class));
        assertTrue(during.stream().noneMatch(e -> "DELETED".equals(change(e))), "no deletion from a drifted poll");
        Set<String> keys = new HashSet<>();
        during.forEach(e -> assertTrue(keys.add(e.getMessage().getHeader(EnosConstants.RECORD_KEY, String.class))));
        context.getRouteController().stopRoute("drifting");
        context.removeRoute("drifting");

        Collector after = route("after", uri);
        pollOnce("after");
        assertEquals(1, after.exchanges.size());
        assertEquals(victim, after.exchanges.get(0).getMessage().getHeader(EnosConstants.RECORD_KEY));
        assertEquals("DELETED", change(after.exchanges.get(0)));
        assertFalse(after.exchanges.get(0).getMessage().getHeader(EnosConstants.PAGE_DRIFT, Boolean.class));
    }

    private String createLogicalAsset(String name) {
        Map<String, Object> body = Map.of("assetInstance", Map.of("modelId", sim.dataSet().modelOf(0).modelId(),
                "timezone", "+08:00", "name", Map.of("defaultValue", name), "attributes", Map.of("capacity", 1.5)));
        return template.requestBody("enos:asset/createLogicalAsset?outputType=java.lang.String", body, String.class);
    }

    private void updateTags(String assetId) {
        template.requestBody("enos:asset/update?isPatchUpdate=true",
                Map.of("asset", Map.of("assetId", assetId, "tags", Map.of("zone", "moved"))));
    }

    private static String change(Exchange exchange) {
        return exchange.getMessage().getHeader(EnosConstants.CHANGE_TYPE, String.class);
    }
}
