package io.camelenos.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.EnosSimulatorExtension;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the example as its main() does, against the emulator's alerts (raised by its rules over the computed time
 * series at the emulator's clock) and a real local HTTP webhook that fails on demand.
 */
class ForwardAlertsExampleTest {

    private static final Instant T0 = Instant.parse("2024-03-05T12:00:00Z");
    private static final String TOKEN = "test-webhook-token";
    private static final int REDELIVERIES = 3;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(100));

    @TempDir
    Path dir;

    @BeforeEach
    void fixTheClock() {
        enos.simulator().clock().fixAt(T0);
    }

    @Test
    void everyAlertReachesTheWebhookOnceThroughItsFailuresThenOnlyNewAndRecoveredOnes() throws Exception {
        Set<String> activeAtT0 = activeAlertIds();
        assertFalse(activeAtT0.isEmpty(), "the emulator raises alerts at " + T0);

        try (Webhook webhook = Webhook.failing(call -> call <= 3)) {
            String log = runUntilCaughtUp(webhook, dir.resolve("dead-letter"));

            assertEquals(Map.of("ACTIVE", activeAtT0), byState(webhook.delivered()));
            assertEquals(activeAtT0.size() + 3, webhook.calls().size(), "each alert once, and the 3 refused calls");
            for (Webhook.Call call : webhook.calls()) {
                assertEquals("Bearer " + TOKEN, call.authorization());
                assertEquals("application/json", call.contentType());
            }
            assertTrue(log.contains("redelivery 1 of " + REDELIVERIES), "retries are logged");
            assertFalse(Files.exists(dir.resolve("dead-letter/alerts.jsonl")));

            // six hours later: a restart on the same state forwards the alerts raised and recovered meanwhile
            long newestAtT0 = newestActiveOccurTime();
            enos.simulator().clock().advance(Duration.ofHours(6));
            Set<String> activeLater = activeAlertIds();
            Set<String> raised = new HashSet<>(activeLater);
            raised.removeAll(activeAtT0);
            Set<String> recovered = new HashSet<>(activeAtT0);
            recovered.removeAll(activeLater);
            assertFalse(raised.isEmpty() || recovered.isEmpty(), "six hours raise and recover alerts");
            // and those raised and recovered in between, which the consumer finds in the alert history
            Set<String> inBetween = historyIdsSince(newestAtT0);
            inBetween.removeAll(activeAtT0);
            recovered.addAll(inBetween);
            int before = webhook.delivered().size();

            runUntilCaughtUp(webhook, dir.resolve("dead-letter"));

            List<String> later = webhook.delivered().subList(before, webhook.delivered().size());
            assertEquals(Map.of("ACTIVE", raised, "RECOVERED", recovered), byState(later));
        }
    }

    @Test
    void alertsTheWebhookKeepsRefusingAreWrittenToTheDeadLetterFileAndNotSentAgain() throws Exception {
        Set<String> active = activeAlertIds();
        Path deadLetters = dir.resolve("dead-letter/alerts.jsonl");

        try (Webhook webhook = Webhook.failing(call -> true)) {
            runUntilCaughtUp(webhook, dir.resolve("dead-letter"));

            assertEquals(active.size() * (1 + REDELIVERIES), webhook.calls().size(), "every alert tried 1 + 3 times");
            List<String> lines = Files.readAllLines(deadLetters);
            assertEquals(Map.of("ACTIVE", active), byState(lines));
            for (String line : lines) {
                JsonNode letter = MAPPER.readTree(line);
                assertEquals("HTTP 503 Service Unavailable", letter.path("error").asText(), line);
                assertEquals(letter.path("eventId"), letter.path("alert").path("eventId"), "the alert as EnOS gave it");
                assertFalse(letter.path("failedAt").asText().isEmpty());
            }
        }

        // the dead letters wait in their file: a restart with a webhook that works does not send them again
        try (Webhook working = Webhook.failing(call -> false)) {
            runUntilCaughtUp(working, dir.resolve("dead-letter"));
            assertEquals(List.of(), working.calls());
        }
    }

    @Test
    void anAlertWhoseDeadLetterCannotBeWrittenIsForwardedAgainByTheNextPoll() throws Exception {
        Set<String> active = activeAlertIds();
        // a dead-letter directory that cannot be created: its parent is a file
        Path blocked = Files.writeString(dir.resolve("blocked"), "not a directory");
        AtomicBoolean down = new AtomicBoolean(true);

        try (Webhook webhook = Webhook.failing(call -> down.get()); LogCapture log = LogCapture.start()) {
            try (ExampleRun run = ExampleRun.start(example(webhook, blocked.resolve("dead-letter")))) {
                // two polls' worth of refused calls: the alerts came back after their dead letters failed
                awaitCalls(webhook, 2 * active.size() * (1 + REDELIVERIES));
                down.set(false);
                run.awaitIdlePolls(1, ForwardAlertsRoutes.ROUTE_ID);
            }

            assertEquals(Map.of("ACTIVE", active), byState(webhook.delivered()));
            assertTrue(log.text().contains("blocked/dead-letter"), "the failing dead letter is logged");
            assertNoSecretIn(log.text());
        }
    }

    private String runUntilCaughtUp(Webhook webhook, Path deadLetterDir) throws Exception {
        try (LogCapture log = LogCapture.start()) {
            try (ExampleRun run = ExampleRun.start(example(webhook, deadLetterDir))) {
                run.awaitIdlePolls(1, ForwardAlertsRoutes.ROUTE_ID);
            }
            assertNoSecretIn(log.text());
            return log.text();
        }
    }

    private static void assertNoSecretIn(String log) {
        assertFalse(log.contains("s3cret-path-token"), "the webhook URL reached the log");
        assertFalse(log.contains(TOKEN), "the webhook token reached the log");
    }

    private Main example(Webhook webhook, Path deadLetterDir) {
        Main main = ExampleRun.connectedTo(ForwardAlertsExample.createMain(), enos.simulator());
        main.addOverrideProperty("forward-alerts.webhook-url", webhook.url());
        main.addOverrideProperty("forward-alerts.webhook-token", TOKEN);
        main.addOverrideProperty("forward-alerts.delay", "100");
        main.addOverrideProperty("forward-alerts.max-redeliveries", String.valueOf(REDELIVERIES));
        main.addOverrideProperty("forward-alerts.redelivery-delay", "5");
        main.addOverrideProperty("forward-alerts.max-redelivery-delay", "20");
        main.addOverrideProperty("forward-alerts.dead-letter-dir", deadLetterDir.toString());
        main.addOverrideProperty("forward-alerts.state-file", dir.resolve("state.dat").toString());
        return main;
    }

    /** The event ids of the alerts active at the emulator's now. */
    private static Set<String> activeAlertIds() throws Exception {
        EnosSimulator sim = enos.simulator();
        List<?> alerts = EnosCalls.request(sim, "enos:alert/searchActiveAlerts?pageSize=1000&outputType=java.util.Map",
                null, List.class);
        assertTrue(alerts.size() < 1000, "one page holds them all");
        Set<String> ids = new HashSet<>();
        alerts.forEach(a -> ids.add(String.valueOf(((Map<?, ?>) a).get("eventId"))));
        return ids;
    }

    /** The newest occurTime of the alerts active at the emulator's now. */
    private static long newestActiveOccurTime() throws Exception {
        List<?> alerts = EnosCalls.request(enos.simulator(),
                "enos:alert/searchActiveAlerts?pageSize=1000&outputType=java.util.Map", null, List.class);
        return alerts.stream().mapToLong(a -> ((Number) ((Map<?, ?>) a).get("occurTime")).longValue()).max()
                .orElseThrow();
    }

    /** The event ids of the history alerts that occurred from the given time to the emulator's now. */
    private static Set<String> historyIdsSince(long occurTime) throws Exception {
        EnosSimulator sim = enos.simulator();
        List<?> alerts = EnosCalls.request(sim, "enos:alert/searchHistoryAlerts?pageSize=1000&outputType=java.util.Map"
                + "&startTime=" + java.time.Instant.ofEpochMilli(occurTime) + "&endTime=" + sim.clock().now(),
                null, List.class);
        assertTrue(alerts.size() < 1000, "one page holds them all");
        Set<String> ids = new HashSet<>();
        alerts.forEach(a -> ids.add(String.valueOf(((Map<?, ?>) a).get("eventId"))));
        return ids;
    }

    /** The event ids of webhook bodies by alert state; fails on an alert state delivered twice. */
    private static Map<String, Set<String>> byState(List<String> bodies) throws Exception {
        Map<String, Set<String>> byState = new HashMap<>();
        for (String body : bodies) {
            JsonNode payload = MAPPER.readTree(body);
            String id = payload.path("eventId").asText();
            assertEquals(id, payload.path("alert").path("eventId").asText(), body);
            assertTrue(byState.computeIfAbsent(payload.path("state").asText(), k -> new HashSet<>()).add(id),
                    "delivered twice: " + id);
        }
        return byState;
    }

    private static void awaitCalls(Webhook webhook, int calls) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (webhook.calls().size() < calls) {
            assertTrue(System.nanoTime() < deadline, "calls: " + webhook.calls().size() + " of " + calls);
            Thread.sleep(20);
        }
    }
}
