package io.camelenos.component.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.EnosConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alert consumer against the emulator's alerts, which rules raise and recover as the emulator clock moves. */
class EnosAlertConsumerTest extends ConsumerTestSupport {

    private static final Instant T0 = Instant.parse("2024-03-04T06:00:00Z");

    @BeforeAll
    static void start() {
        startSimulator(100);
        sim.clock().fixAt(T0);
    }

    @Test
    void newAndRecoveredAlertsAreEmittedOnceEachAsTheClockMoves() throws Exception {
        Collector alerts = route("alerts", "enos:alert/searchActiveAlerts?pageSize=10");
        Set<String> activeAtT0 = activeAlertIds();
        assertFalse(activeAtT0.isEmpty());

        pollOnce("alerts");
        List<Exchange> first = alerts.takeAll();
        assertEquals(Map.of("ACTIVE", activeAtT0), byState(first));
        long newestAtT0 = first.stream().mapToLong(e -> e.getMessage().getBody(JsonNode.class).path("occurTime")
                .asLong()).max().orElseThrow();
        pollOnce("alerts");
        assertEquals(List.of(), alerts.takeAll());

        sim.clock().advance(Duration.ofHours(3));
        Set<String> activeAtT1 = activeAlertIds();
        Set<String> raised = new HashSet<>(activeAtT1);
        raised.removeAll(activeAtT0);
        Set<String> recovered = new HashSet<>(activeAtT0);
        recovered.removeAll(activeAtT1);
        Set<String> raisedAndRecovered = historyIdsSince(newestAtT0);
        raisedAndRecovered.removeAll(activeAtT0);
        assertFalse(raised.isEmpty() || recovered.isEmpty() || raisedAndRecovered.isEmpty(),
                "the clock move should raise and recover alerts, some of them between the two polls");
        recovered.addAll(raisedAndRecovered);

        pollOnce("alerts");
        List<Exchange> changes = alerts.takeAll();
        assertEquals(Map.of("ACTIVE", raised, "RECOVERED", recovered), byState(changes));
        for (Exchange e : changes) {
            JsonNode alert = e.getMessage().getBody(JsonNode.class);
            boolean isRecovery = "RECOVERED".equals(e.getMessage().getHeader(EnosConstants.ALERT_STATE));
            assertEquals(isRecovery, alert.has("recoverTime"), alert.toString());
        }
        pollOnce("alerts");
        assertEquals(List.of(), alerts.takeAll());
    }

    @Test
    void aScrollSearchConsumerDrainsEveryAlertOfTheWeekOnce() throws Exception {
        String window = "&startTime=2024-02-26T00:00:00Z&endTime=2024-03-04T06:00:00Z";
        long total = template.request("enos:alert/searchAlerts?pageSize=1" + window, e -> {
        }).getMessage().getHeader(EnosConstants.TOTAL_SIZE, Long.class);
        Collector scroll = route("scroll", "enos:alert/scrollAlerts?pageSize=50" + window);

        pollOnce("scroll");

        List<Exchange> all = scroll.takeAll();
        Set<String> ids = new HashSet<>();
        all.forEach(e -> assertTrue(ids.add(e.getMessage().getHeader(EnosConstants.RECORD_KEY, String.class))));
        assertTrue(total > 50, "a week holds several pages of alerts: " + total);
        assertEquals(total, all.size());
        assertTrue(all.get(all.size() - 1).getProperty(org.apache.camel.ExchangePropertyKey.BATCH_COMPLETE,
                Boolean.class));
    }

    private Set<String> activeAlertIds() {
        Set<String> ids = new HashSet<>();
        for (int page = 1;; page++) {
            JsonNode alerts = template.requestBodyAndHeader("enos:alert/searchActiveAlerts?pageSize=100", null,
                    EnosConstants.PAGE_NO, page, JsonNode.class);
            alerts.forEach(a -> ids.add(a.path("eventId").asText()));
            if (alerts.size() < 100) {
                return ids;
            }
        }
    }

    /** The ids of the history alerts that occurred at or after the given time, up to the emulator's now. */
    private Set<String> historyIdsSince(long occurTime) {
        Set<String> ids = new HashSet<>();
        String window = "&startTime=" + Instant.ofEpochMilli(occurTime) + "&endTime=" + sim.clock().now();
        for (int page = 1;; page++) {
            JsonNode alerts = template.requestBodyAndHeader("enos:alert/searchHistoryAlerts?pageSize=100" + window,
                    null, EnosConstants.PAGE_NO, page, JsonNode.class);
            alerts.forEach(a -> ids.add(a.path("eventId").asText()));
            if (alerts.size() < 100) {
                return ids;
            }
        }
    }

    private static Map<String, Set<String>> byState(List<Exchange> exchanges) {
        Map<String, Set<String>> byState = new HashMap<>();
        for (Exchange e : exchanges) {
            String id = e.getMessage().getHeader(EnosConstants.EVENT_ID, String.class);
            assertTrue(byState.computeIfAbsent(e.getMessage().getHeader(EnosConstants.ALERT_STATE, String.class),
                    k -> new HashSet<>()).add(id), "emitted twice: " + id);
        }
        return byState;
    }
}
