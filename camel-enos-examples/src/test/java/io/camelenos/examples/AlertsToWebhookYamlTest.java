package io.camelenos.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.EnosSimulatorExtension;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** yaml/alerts-to-webhook.camel.yaml run by camel-main against the emulator's alerts and a real HTTP webhook. */
class AlertsToWebhookYamlTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ROUTE_ID = "yaml-alerts-to-webhook";
    private static final String TOKEN = "yaml-webhook-token";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(100));

    @TempDir
    Path dir;

    @Test
    void everyAlertReachesTheWebhookOnceThroughItsFailuresAndNeitherUrlNorTokenIsLogged() throws Exception {
        EnosSimulator sim = enos.simulator();
        sim.clock().fixAt(Instant.parse("2024-03-05T12:00:00Z"));
        Set<String> active = activeAlertIds(sim);
        assertFalse(active.isEmpty());
        String log;
        // the first three calls fail: the redeliveries, then the next poll, bring those alerts through
        try (Webhook webhook = Webhook.failing(n -> n <= 3); LogCapture capture = LogCapture.start()) {
            Main main = YamlExample.main("alerts-to-webhook.camel.yaml", sim);
            main.addOverrideProperty("yaml-alerts.webhook-url", webhook.url());
            main.addOverrideProperty("yaml-alerts.webhook-token", TOKEN);
            main.addOverrideProperty("yaml-alerts.delay", "100");
            main.addOverrideProperty("yaml-alerts.max-redeliveries", "1");
            main.addOverrideProperty("yaml-alerts.redelivery-delay", "5");
            main.addOverrideProperty("yaml-alerts.state-file", dir.resolve("state.dat").toString());
            try (ExampleRun run = ExampleRun.start(main)) {
                run.awaitIdlePolls(1, ROUTE_ID);
            }
            log = capture.text();

            Set<String> delivered = new HashSet<>();
            for (String body : webhook.delivered()) {
                JsonNode call = MAPPER.readTree(body);
                assertEquals("ACTIVE", call.path("state").asText());
                assertEquals(call.path("eventId"), call.path("alert").path("eventId"), "the alert as EnOS gave it");
                assertTrue(delivered.add(call.path("eventId").asText()), "delivered twice: " + body);
            }
            assertEquals(active, delivered, "every active alert, once");
            assertEquals(active.size() + 3, webhook.calls().size(), "each alert once, and the 3 refused calls");
            for (Webhook.Call call : webhook.calls()) {
                assertEquals("Bearer " + TOKEN, call.authorization());
                assertEquals("application/json", call.contentType());
            }
            assertTrue(log.contains("the webhook answered HTTP 503"), "failures name the status");
            assertFalse(log.contains(webhook.url().substring(webhook.url().indexOf("/hooks"))), "the webhook URL is logged");
            assertFalse(log.contains(TOKEN), "the token is logged");
        }
    }

    private static Set<String> activeAlertIds(EnosSimulator sim) throws Exception {
        List<?> alerts = EnosCalls.request(sim, "enos:alert/searchActiveAlerts?pageSize=1000&outputType=java.util.Map",
                null, List.class);
        Set<String> ids = new HashSet<>();
        alerts.forEach(a -> ids.add(String.valueOf(((Map<?, ?>) a).get("eventId"))));
        return ids;
    }
}
