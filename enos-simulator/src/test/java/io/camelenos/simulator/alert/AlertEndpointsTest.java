package io.camelenos.simulator.alert;

import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every alert endpoint is routed: the 29 event-service pages of the endpoints list, and the 7 alert-service v2.1
 * actions of reference 4.5 b (which the list, made from the 2020 docs, does not hold).
 */
class AlertEndpointsTest {

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(30));

    @Test
    void everyEventServicePageOfTheEndpointsListIsRouted() throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/enos-api-endpoints.txt")), StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> l.startsWith("event/")).forEach(lines::add);
        }
        assertEquals(29, lines.size(), "event-service pages in the endpoints list");
        SimClient client = new SimClient(enos.simulator());
        List<String> unrouted = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            String method = parts[1];
            String url = parts[2].replace("https://{apigw-address}", "");
            String path = url.substring(0, url.indexOf('?'));
            String action = url.substring(url.indexOf("action=") + 7);
            SimClient.Answer answer = client.send(method, path,
                    Map.of("orgId", enos.simulator().orgId(), "action", action), method.equals("GET") ? null : "{}", true);
            if (!routed(answer)) {
                unrouted.add(line + " -> " + answer.body());
            }
        }
        assertEquals(List.of(), unrouted);
    }

    @Test
    void everyAlertServiceActionIsRouted() {
        SimClient client = new SimClient(enos.simulator());
        List<String> unrouted = new ArrayList<>();
        for (String action : List.of("search", "scroll", "create", "batchCreate", "close", "updateTags", "batchUpdateTags")) {
            SimClient.Answer answer = client.post(AlertApi.ALERTS, Map.of("action", action), "{}");
            if (!routed(answer)) {
                unrouted.add(action + " -> " + answer.body());
            }
        }
        assertEquals(List.of(), unrouted);
    }

    private static boolean routed(SimClient.Answer answer) {
        String msg = answer.body().path("msg").asText("");
        return answer.status() == 200 && answer.code() != 99405 && !msg.contains("unsupported action")
                && !msg.contains("action is missing");
    }
}
