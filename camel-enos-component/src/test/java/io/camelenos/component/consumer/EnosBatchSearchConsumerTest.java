package io.camelenos.component.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.EnosConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch service's flow and instance searches, which page from 0 and answer a bare list (flows) or a list with a
 * count (instances), drained by the search consumer like any other search.
 */
class EnosBatchSearchConsumerTest extends ConsumerTestSupport {

    private static final String ADMIN = "u16000000000001";
    private static final long NOW = Instant.parse("2026-03-01T08:00:00Z").toEpochMilli();

    @BeforeAll
    static void start() {
        startSimulator(10);
        sim.clock().fixAt(Instant.ofEpochMilli(NOW));
    }

    @Test
    void flowSearchEmitsEveryFlowOncePerPoll() throws Exception {
        List<String> flowIds = new ArrayList<>(List.of("1001", "1002", "1003"));
        for (int i = 0; i < 4; i++) {
            flowIds.add(importCopy("flows_" + i));
        }
        Collector flows = route("flows", "enos:batch/searchFlow?userId=" + ADMIN + "&pageSize=3");

        pollOnce("flows");

        List<Exchange> all = flows.takeAll();
        assertEquals(flowIds, all.stream().map(e -> e.getMessage().getHeader(EnosConstants.RECORD_KEY, String.class))
                .toList());
        Exchange last = all.get(all.size() - 1);
        assertTrue(last.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class));
        assertEquals(flowIds.size(), last.getProperty(ExchangePropertyKey.BATCH_SIZE, Integer.class));
    }

    @Test
    void instanceSearchEmitsEveryRunInTheRangeOncePerPoll() throws Exception {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String flowId = importCopy("runs_" + i);
            runs.add(template.requestBody("enos:batch/triggerFlow?userId=" + ADMIN + "&flowId=" + flowId,
                    Map.of("triggerTime", NOW + i * 1000L), JsonNode.class).path("flowInstanceId").asText());
        }
        String range = "{\"type\": 1, \"fromTriggerTime\": " + NOW + ", \"toTriggerTime\": " + (NOW + 60_000)
                       + ", \"expression\": \"runs_\"}";
        Collector instances = route("instances", "enos:batch/listFlowInstances?userId=" + ADMIN + "&pageSize=2"
                                                 + "&body=RAW(" + range + ")");

        pollOnce("instances");

        List<Exchange> all = instances.takeAll();
        // newest trigger time first, as the emulator sorts them
        Collections.reverse(runs);
        assertEquals(runs, all.stream()
                .map(e -> e.getMessage().getHeader(EnosConstants.RECORD_KEY, String.class)).toList());
        assertTrue(all.stream().allMatch(e -> e.getMessage().getBody(JsonNode.class).path("flowName").asText()
                .startsWith("runs_")));
        assertEquals(runs.size(), all.get(all.size() - 1).getProperty(ExchangePropertyKey.BATCH_SIZE, Integer.class));
    }

    private String importCopy(String name) {
        JsonNode exported = template.requestBody("enos:batch/exportFlow?userId=" + ADMIN + "&flowId=1001", null,
                JsonNode.class);
        Map<String, Object> body = Map.of("flowName", name, "desc", "", "dirId", "wf-root", "flowJson", exported);
        return template.requestBody("enos:batch/importFlow?userId=" + ADMIN, body, JsonNode.class).path("flowId")
                .asText();
    }
}
