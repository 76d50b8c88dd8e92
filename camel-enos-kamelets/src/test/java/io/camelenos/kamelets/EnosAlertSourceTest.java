package io.camelenos.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.EnosSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** enos-alert-source run from a YAML route by Camel's Kamelet runtime, against the alerts the emulator's rules raise. */
class EnosAlertSourceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2024-03-05T12:00:00Z");
    private static final String ACTIVE_PATH = "/event-service/v2.1/active-alerts";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(100));

    @TempDir
    Path dir;

    @Test
    void sendsEachAlertOncePerStateAndARestartSendsOnlyWhatHappenedSince() throws Exception {
        EnosSimulator sim = enos.simulator();
        sim.clock().fixAt(T0);
        Set<String> activeAtT0 = ids("searchActiveAlerts", "");
        assertFalse(activeAtT0.isEmpty(), "the emulator raises alerts at " + T0);
        try (KameletRun run = start()) {
            Map<String, Set<String>> sent = byState(run.receive(activeAtT0.size()));
            assertEquals(Map.of("ACTIVE", activeAtT0), sent);
            awaitPolls(run, sim, 3);
            assertEquals(List.of(), run.drain(), "nothing new: nothing sent");
        }

        // six hours later: a restart on the same state sends the alerts raised and recovered meanwhile
        long newestAtT0 = newestOccurTime();
        sim.clock().advance(Duration.ofHours(6));
        Set<String> activeLater = ids("searchActiveAlerts", "");
        Set<String> raised = new HashSet<>(activeLater);
        raised.removeAll(activeAtT0);
        Set<String> recovered = new HashSet<>(activeAtT0);
        recovered.removeAll(activeLater);
        // and those raised and recovered in between, found in the alert history
        Set<String> inBetween = ids("searchHistoryAlerts",
                "&startTime=" + Instant.ofEpochMilli(newestAtT0) + "&endTime=" + sim.clock().now());
        inBetween.removeAll(activeAtT0);
        recovered.addAll(inBetween);
        assertFalse(raised.isEmpty() || recovered.isEmpty(), "six hours raise and recover alerts");
        try (KameletRun run = start()) {
            Map<String, Set<String>> sent = byState(run.receive(raised.size() + recovered.size()));
            assertEquals(Map.of("ACTIVE", raised, "RECOVERED", recovered), sent);
            awaitPolls(run, sim, 3);
            assertEquals(List.of(), run.drain(), "nothing sent twice");
        }
    }

    private KameletRun start() throws InterruptedException {
        return KameletRun.start(enos.simulator(), KameletRun.route("alert-source.camel.yaml"),
                Map.of("state.file", dir.resolve("alerts.state").toString()));
    }

    /** The event ids of the messages by alert state, checked against their bodies; fails on a state sent twice. */
    private static Map<String, Set<String>> byState(List<Exchange> exchanges) throws Exception {
        Map<String, Set<String>> byState = new HashMap<>();
        for (Exchange e : exchanges) {
            JsonNode alert = MAPPER.readTree(e.getMessage().getBody(String.class));
            String id = alert.path("eventId").asText();
            assertEquals(id, e.getMessage().getHeader("CamelEnosEventId"));
            String state = e.getMessage().getHeader("CamelEnosAlertState", String.class);
            if ("RECOVERED".equals(state)) {
                assertTrue(alert.path("recoverTime").isNumber(), "a recovered alert has its recoverTime: " + alert);
            }
            assertTrue(byState.computeIfAbsent(state, k -> new HashSet<>()).add(id), state + " " + id + " sent twice");
        }
        return byState;
    }

    private static Set<String> ids(String operation, String options) throws Exception {
        JsonNode alerts = MAPPER.readTree(Emulator.call(enos.simulator(),
                "enos:alert/" + operation + "?pageSize=1000&outputType=java.lang.String" + options, null));
        assertTrue(alerts.size() < 1000, "one page holds them all");
        Set<String> ids = new HashSet<>();
        alerts.forEach(a -> ids.add(a.path("eventId").asText()));
        return ids;
    }

    private static long newestOccurTime() throws Exception {
        JsonNode alerts = MAPPER.readTree(Emulator.call(enos.simulator(),
                "enos:alert/searchActiveAlerts?pageSize=1000&outputType=java.lang.String", null));
        long newest = 0;
        for (JsonNode alert : alerts) {
            newest = Math.max(newest, alert.path("occurTime").asLong());
        }
        return newest;
    }

    private static void awaitPolls(KameletRun run, EnosSimulator sim, int polls) throws InterruptedException {
        long before = sim.requestLog().forPath(ACTIVE_PATH).size();
        run.await(polls + " more polls", () -> sim.requestLog().forPath(ACTIVE_PATH).size() >= before + polls);
    }
}
