package io.camelenos.simulator.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.wire.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test helper: calls of the alert APIs over real HTTP, and moving the emulator's clock. */
final class AlertApi {

    static final String ACTIVE = "/event-service/v2.1/active-alerts";
    static final String HISTORY = "/event-service/v2.1/history-alerts";
    static final String ALERTS = "/alert-service/v2.1/alerts";
    /** A fixed "now" for the tests: 10 March 2026, noon UTC. */
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private final EnosSimulator sim;
    private final SimClient client;

    AlertApi(EnosSimulator sim) {
        this.sim = sim;
        this.client = new SimClient(sim);
    }

    SimClient client() {
        return client;
    }

    EnosSimulator sim() {
        return sim;
    }

    /** Moves the clock (a new token is fetched, since token expiry follows the clock too). */
    void at(Instant instant) {
        sim.clock().fixAt(instant);
        client.forgetToken();
    }

    SimClient.Answer post(String path, String action, Object body) {
        return client.post(path, Map.of("action", action), body);
    }

    SimClient.Answer get(String path, Map<String, String> query) {
        return client.get(path, query);
    }

    SimClient.Answer post(String path, Map<String, String> query, Object body) {
        return client.post(path, query, body);
    }

    JsonNode ok(SimClient.Answer answer) {
        assertEquals(0, answer.code(), answer.body().toString());
        return answer.data();
    }

    void fails(int code, SimClient.Answer answer) {
        assertEquals(code, answer.code(), answer.body().toString());
    }

    static ObjectNode body() {
        return Json.object();
    }

    static ObjectNode page(int pageNo, int pageSize) {
        ObjectNode body = Json.object();
        body.putObject("pagination").put("pageNo", pageNo).put("pageSize", pageSize);
        return body;
    }

    /** Every alert of an event-service search, page by page. */
    List<JsonNode> all(String path, ObjectNode body) {
        List<JsonNode> result = new ArrayList<>();
        for (int pageNo = 1; ; pageNo++) {
            ObjectNode request = body.deepCopy();
            request.putObject("pagination").put("pageNo", pageNo).put("pageSize", 100);
            SimClient.Answer answer = post(path, "search", request);
            ok(answer).forEach(result::add);
            if (pageNo * 100L >= answer.body().get("pagination").get("totalSize").asLong()) {
                return result;
            }
        }
    }

    /** A history (or alert-service) body spanning the last week. */
    static ObjectNode lastWeek(Instant now) {
        return Json.object().put("startOccurTime", now.minusSeconds(7 * 86_400L).toString())
                .put("endOccurTime", now.toString());
    }
}
