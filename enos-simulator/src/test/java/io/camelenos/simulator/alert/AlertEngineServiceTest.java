package io.camelenos.simulator.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.camelenos.simulator.alert.AlertApi.ACTIVE;
import static io.camelenos.simulator.alert.AlertApi.ALERTS;
import static io.camelenos.simulator.alert.AlertApi.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alert Service v2.1 (the alert engine API): search, scroll, create, close and tags. */
class AlertEngineServiceTest {

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(80));

    private AlertApi api;

    @BeforeEach
    void fixClock() {
        api = new AlertApi(enos.simulator());
        api.at(NOW);
    }

    private long total(ObjectNode body) {
        return api.post(ALERTS, "search", body).body().get("pagination").get("totalSize").asLong();
    }

    private List<JsonNode> scrollAll(ObjectNode filters, int pageSize, List<Integer> pageSizes) {
        List<JsonNode> result = new ArrayList<>();
        String token = null;
        for (int calls = 0; calls < 10_000; calls++) {
            ObjectNode body = filters.deepCopy();
            ObjectNode scroll = body.putObject("scroll").put("pageSize", pageSize);
            if (token != null) {
                scroll.put("pageToken", token);
            }
            JsonNode data = api.ok(api.post(ALERTS, "scroll", body));
            data.get("alerts").forEach(result::add);
            pageSizes.add(data.get("alerts").size());
            if (!data.has("pageToken")) {
                return result;
            }
            token = data.get("pageToken").asText();
        }
        throw new AssertionError("scroll did not end");
    }

    private ObjectNode alert(long occurTime) {
        ObjectNode alert = Json.object().put("instanceId", enos.simulator().dataSet().assetId(26))
                .put("metricId", "INV.Temperature").put("value", 71.5).put("occurTime", occurTime)
                .put("severityId", "major").put("typeId", "overTemperature").put("parentTypeId", "deviceFault")
                .put("contentId", "INV_OVER_TEMP").put("ruleId", "external");
        alert.putObject("tags").put("origin", "scada");
        alert.putObject("ruleTags").put("family", "thermal");
        return alert;
    }

    private JsonNode byId(String alertId) {
        ObjectNode body = AlertApi.lastWeek(NOW.plusSeconds(60)).put("expression", "alertId = '" + alertId + "'");
        JsonNode data = api.ok(api.post(ALERTS, "search", body));
        return data.isEmpty() ? null : data.get(0);
    }

    @Test
    void searchDefaultsToTenNewestFirstAcrossActiveAndHistory() {
        SimClient.Answer answer = api.post(ALERTS, "search", AlertApi.lastWeek(NOW));

        JsonNode data = api.ok(answer);
        assertEquals(10, data.size());
        assertEquals(10, answer.body().get("pagination").get("pageSize").asInt());
        assertEquals("alertId", answer.body().get("pagination").get("sortedBy").get(1).get("field").asText());
        for (int i = 1; i < data.size(); i++) {
            assertTrue(data.get(i - 1).get("occurTime").asLong() >= data.get(i).get("occurTime").asLong());
        }
        JsonNode first = data.get(0);
        assertEquals(40, first.get("alertId").asText().length());
        assertTrue(first.has("instanceId") && first.has("metricId") && first.has("ruleTags"));
    }

    @Test
    void activeSelectsActiveHistoryOrBoth() {
        long both = total(AlertApi.lastWeek(NOW));
        long active = total(AlertApi.lastWeek(NOW).put("active", true));
        long history = total(AlertApi.lastWeek(NOW).put("active", false));

        assertTrue(active > 0 && history > 0);
        assertEquals(both, active + history);
        long eventActive = api.post(ACTIVE, "search", AlertApi.lastWeek(NOW)).body().get("pagination").get("totalSize").asLong();
        assertEquals(eventActive, active, "both API generations show the same active alerts");
        api.fails(99400, api.post(ALERTS, "search", AlertApi.lastWeek(NOW).put("active", "maybe")));
    }

    @Test
    void recoverTimeBoundsKeepRecoveredAlerts() {
        Instant from = NOW.minusSeconds(3 * 3600);
        ObjectNode body = AlertApi.lastWeek(NOW).put("startRecoverTime", from.toString()).put("endRecoverTime", NOW.toString());
        body.putArray("projection").add("alertId").add("recoverTime").add("active");

        List<JsonNode> recovered = api.all(ALERTS, body);

        assertFalse(recovered.isEmpty());
        recovered.forEach(a -> assertFalse(a.get("active").asBoolean()));
        recovered.forEach(a -> assertTrue(a.get("recoverTime").asLong() >= from.toEpochMilli()));
        recovered.forEach(a -> assertFalse(a.has("instanceId")));
    }

    @Test
    void searchRequiresTheOccurTimesAndRefusesSorters() {
        api.fails(99400, api.post(ALERTS, "search", Json.object().put("endOccurTime", NOW.toString())));
        api.fails(99400, api.post(ALERTS, "search", Json.object().put("startOccurTime", NOW.toString())));
        ObjectNode sorted = AlertApi.lastWeek(NOW);
        sorted.putObject("pagination").putArray("sorters").addObject().put("field", "occurTime");
        api.fails(99400, api.post(ALERTS, "search", sorted));
    }

    @Test
    void expressionUsesTheAlertEngineFields() {
        List<JsonNode> thermal = api.all(ALERTS, AlertApi.lastWeek(NOW)
                .put("expression", "typeId = 'overTemperature' and parentTypeId = 'deviceFault' and ruleTags.source = 'simulator'"));
        List<JsonNode> byRule = api.all(ALERTS, AlertApi.lastWeek(NOW)
                .put("expression", "ruleId in ('WTG_STATUS_FAULT') and eventType != 1"));

        assertFalse(thermal.isEmpty());
        thermal.forEach(a -> assertEquals("INV_TEMPERATURE_HIGH", a.get("ruleId").asText()));
        byRule.forEach(a -> assertEquals(0, a.get("eventType").asInt()));
        String instance = thermal.get(0).get("instanceId").asText();
        ObjectNode mine = AlertApi.lastWeek(NOW).put("instanceId", instance).put("metricId", "INV.Temperature");
        api.all(ALERTS, mine).forEach(a -> assertEquals(instance, a.get("instanceId").asText()));
        api.fails(99400, api.post(ALERTS, "search", AlertApi.lastWeek(NOW).put("expression", "assetId = 'x'")));
    }

    @Test
    void scrollReachesTheLastPageWhichHasNoToken() {
        ObjectNode filters = AlertApi.lastWeek(NOW);
        List<Integer> sizes = new ArrayList<>();

        List<JsonNode> scrolled = scrollAll(filters, 37, sizes);

        List<JsonNode> searched = api.all(ALERTS, filters);
        assertEquals(searched.size(), scrolled.size());
        for (int i = 0; i < searched.size(); i++) {
            assertEquals(searched.get(i).get("alertId"), scrolled.get(i).get("alertId"));
        }
        assertTrue(sizes.size() > 2);
        sizes.subList(0, sizes.size() - 1).forEach(size -> assertEquals(37, size.intValue()));
        assertTrue(sizes.get(sizes.size() - 1) <= 37);
    }

    @Test
    void scrollOfAnExactMultipleEndsWithoutAnEmptyPage() {
        ObjectNode filters = AlertApi.lastWeek(NOW).put("active", true);
        long active = total(filters.deepCopy());
        List<Integer> sizes = new ArrayList<>();

        List<JsonNode> scrolled = scrollAll(filters, (int) active, sizes);

        assertEquals(active, scrolled.size());
        assertEquals(List.of((int) active), sizes);
    }

    @Test
    void scrollRefusesBadRequests() {
        api.fails(99400, api.post(ALERTS, "scroll", AlertApi.lastWeek(NOW)));
        ObjectNode badToken = AlertApi.lastWeek(NOW);
        badToken.putObject("scroll").put("pageSize", 10).put("pageToken", "not-a-token");
        api.fails(99400, api.post(ALERTS, "scroll", badToken));
        ObjectNode tooBig = AlertApi.lastWeek(NOW);
        tooBig.putObject("scroll").put("pageSize", 1001);
        api.fails(99400, api.post(ALERTS, "scroll", tooBig));
        ObjectNode noTimes = Json.object();
        noTimes.putObject("scroll").put("pageSize", 10);
        api.fails(99400, api.post(ALERTS, "scroll", noTimes));
    }

    @Test
    void pollerSeesNewAlertsByScrollingAfterTheClockMoves() {
        Instant later = NOW.plusSeconds(12 * 3600);
        ObjectNode window = Json.object().put("startOccurTime", NOW.plusMillis(1).toString())
                .put("endOccurTime", later.toString());
        assertEquals(0, scrollAll(window, 50, new ArrayList<>()).size());

        api.at(later);
        List<JsonNode> fresh = scrollAll(window, 50, new ArrayList<>());

        assertFalse(fresh.isEmpty());
        fresh.forEach(a -> assertTrue(a.get("occurTime").asLong() > NOW.toEpochMilli()));
    }

    @Test
    void createdAlertShowsInBothGenerations() {
        String alertId = api.ok(api.post(ALERTS, "create", Json.object().set("alert", alert(NOW.toEpochMilli() - 5000)))).asText();

        JsonNode alert = byId(alertId);
        assertEquals(3, alert.get("eventType").asInt());
        assertTrue(alert.get("active").asBoolean());
        assertEquals("overTemperature", alert.get("typeId").asText());
        assertEquals("deviceFault", alert.get("parentTypeId").asText());
        assertEquals("thermal", alert.get("ruleTags").get("family").asText());
        JsonNode event = api.ok(api.post(ACTIVE, "search", Json.object().put("expression", "eventId = '" + alertId + "'"))).get(0);
        assertEquals("deviceFault", event.get("typeId").asText());
        assertEquals("overTemperature", event.get("subTypeId").asText());
        assertEquals(enos.simulator().dataSet().assetId(26), event.get("assetId").asText());
    }

    @Test
    void createWithRecoverTimeIsHistoryAndEventTypeIsChecked() {
        ObjectNode recovered = alert(NOW.toEpochMilli() - 7_200_000).put("recoverTime", NOW.toEpochMilli() - 3_600_000)
                .put("recoverReason", "cooled").put("eventType", 2);
        String alertId = api.ok(api.post(ALERTS, "create", Json.object().set("alert", recovered))).asText();

        JsonNode alert = byId(alertId);
        assertFalse(alert.get("active").asBoolean());
        assertEquals(2, alert.get("eventType").asInt());
        assertEquals("cooled", alert.get("recoverReason").asText());
        api.fails(99400, api.post(ALERTS, "create", Json.object().set("alert", alert(NOW.toEpochMilli()).put("eventType", 1))));
        api.fails(99404, api.post(ALERTS, "create", Json.object().set("alert", alert(NOW.toEpochMilli()).put("instanceId", "nope"))));
        api.fails(99400, api.post(ALERTS, "create", Json.object()));
    }

    @Test
    void batchCreateAnswersEachAlert() {
        ObjectNode body = Json.object();
        body.putArray("alertVoList").add(alert(NOW.toEpochMilli() - 1000)).add(alert(NOW.toEpochMilli() - 2000));

        SimClient.Answer answer = api.post(ALERTS, "batchCreate", body);

        assertEquals(2, answer.body().get("successSize").asInt());
        api.ok(answer).forEach(item -> assertEquals(3, byId(item.get("data").asText()).get("eventType").asInt()));
        ObjectNode bad = Json.object();
        bad.putArray("alertVoList").add(alert(NOW.toEpochMilli())).add(Json.object());
        SimClient.Answer refused = api.post(ALERTS, "batchCreate", bad);
        assertEquals(0, refused.body().get("successSize").asInt());
        assertEquals(2, refused.body().get("totalSize").asInt());
    }

    @Test
    void closeRecoversAnActiveAlert() {
        String alertId = api.ok(api.post(ALERTS, "create", Json.object().set("alert", alert(NOW.toEpochMilli() - 5000)))).asText();

        api.ok(api.post(ALERTS, "close", Json.object().put("alertId", alertId).put("recoverTime", NOW.toEpochMilli())
                .put("recoverReason", "acknowledged")));

        JsonNode alert = byId(alertId);
        assertFalse(alert.get("active").asBoolean());
        assertEquals(2, alert.get("eventType").asInt());
        assertEquals(NOW.toEpochMilli(), alert.get("recoverTime").asLong());
        api.fails(99404, api.post(ALERTS, "close", Json.object().put("alertId", alertId).put("recoverTime", NOW.toEpochMilli())));
        api.fails(99400, api.post(ALERTS, "close", Json.object().put("alertId", alertId)));
    }

    @Test
    void tagsAreUpdatedOneByOneOrInBatch() {
        String one = api.ok(api.post(ALERTS, "create", Json.object().set("alert", alert(NOW.toEpochMilli() - 5000)))).asText();
        String two = api.ok(api.post(ALERTS, "search", AlertApi.lastWeek(NOW).put("active", false))).get(0).get("alertId").asText();
        ObjectNode patch = Json.object().put("alertId", one).put("isPatchUpdate", true);
        patch.putObject("tags").put("ticket", "INC-7");

        api.ok(api.post(ALERTS, "updateTags", patch));
        ObjectNode batch = Json.object().put("isPatchUpdate", false);
        batch.putArray("alertIds").add(one).add(two);
        batch.putObject("tags").put("reviewed", "yes");
        api.ok(api.post(ALERTS, "batchUpdateTags", batch));

        JsonNode first = byId(one).get("tags");
        assertEquals("yes", first.get("reviewed").asText());
        assertNull(first.get("ticket"));
        assertEquals("yes", byId(two).get("tags").get("reviewed").asText());
        List<JsonNode> reviewed = api.all(ALERTS, AlertApi.lastWeek(NOW).put("expression", "tags.reviewed = 'yes'"));
        assertEquals(2, reviewed.size());
        api.fails(99404, api.post(ALERTS, "updateTags", patch.put("alertId", "nope")));
        api.fails(99400, api.post(ALERTS, "batchUpdateTags", Json.object().set("tags", Json.object())));
        api.fails(99400, api.post(ALERTS, Map.of("action", "updateTags", "isPatchUpdate", "sometimes"), patch));
    }
}
