package io.camelenos.simulator.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static io.camelenos.simulator.alert.AlertApi.ACTIVE;
import static io.camelenos.simulator.alert.AlertApi.HISTORY;
import static io.camelenos.simulator.alert.AlertApi.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Event-service v2.1 writes: create, batchCreate, close, delete, updateTags and batchUpdateTags. */
class EventAlertWritesTest {

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(60));

    private AlertApi api;

    @BeforeEach
    void fixClock() {
        api = new AlertApi(enos.simulator());
        api.at(NOW);
    }

    private String turbine() {
        return enos.simulator().dataSet().assetId(3);
    }

    private ObjectNode alert(long occurTime) {
        ObjectNode alert = Json.object().put("assetId", turbine()).put("modelId", "EnOS_Wind_Turbine")
                .put("measurepointId", "WTG.GenActivePW").put("value", 0.0).put("occurTime", occurTime)
                .put("severityId", "major").put("typeId", "performance").put("contentId", "WTG_LIMITED");
        alert.putObject("tags").put("source", "test");
        return alert;
    }

    private JsonNode byId(String path, String eventId) {
        ObjectNode body = path.equals(HISTORY) ? AlertApi.lastWeek(NOW.plusSeconds(3600)) : AlertApi.body();
        body.put("expression", "eventId = '" + eventId + "'");
        JsonNode data = api.ok(api.post(path, "search", body));
        return data.isEmpty() ? null : data.get(0);
    }

    private String createActive(long occurTime) {
        ObjectNode body = Json.object();
        body.set("activeAlert", alert(occurTime));
        return api.ok(api.post(ACTIVE, "create", body)).asText();
    }

    @Test
    void createdActiveAlertIsSearchable() {
        String eventId = createActive(NOW.toEpochMilli() - 60_000);

        JsonNode alert = byId(ACTIVE, eventId);

        assertEquals(3, alert.get("eventType").asInt());
        assertEquals(turbine(), alert.get("assetId").asText());
        assertEquals("test", alert.get("tag").get("source").asText());
        assertEquals("Major", alert.get("severityDesc").get("defaultValue").asText());
        assertEquals(NOW.toEpochMilli(), alert.get("createTime").asLong());
        assertFalse(alert.get("localOccurTime").asText().isEmpty());
    }

    @Test
    void createRefusesBadAlerts() {
        ObjectNode unknownAsset = Json.object();
        unknownAsset.set("activeAlert", alert(NOW.toEpochMilli()).put("assetId", "noSuchAsset"));
        api.fails(99404, api.post(ACTIVE, "create", unknownAsset));
        ObjectNode wrongModel = Json.object();
        wrongModel.set("activeAlert", alert(NOW.toEpochMilli()).put("modelId", "EnOS_Solar_Inverter"));
        api.fails(99400, api.post(ACTIVE, "create", wrongModel));
        ObjectNode noTrigger = Json.object();
        ObjectNode bare = alert(NOW.toEpochMilli());
        bare.remove("measurepointId");
        noTrigger.set("activeAlert", bare);
        api.fails(99400, api.post(ACTIVE, "create", noTrigger));
        ObjectNode noTime = Json.object();
        ObjectNode timeless = alert(NOW.toEpochMilli());
        timeless.remove("occurTime");
        noTime.set("activeAlert", timeless);
        api.fails(99400, api.post(ACTIVE, "create", noTime));
        api.fails(99400, api.post(ACTIVE, "create", Json.object()));
        ObjectNode badTag = Json.object();
        badTag.set("activeAlert", alert(NOW.toEpochMilli()));
        ((ObjectNode) badTag.get("activeAlert").get("tags")).put("bad key!", "v");
        api.fails(99400, api.post(ACTIVE, "create", badTag));
    }

    @Test
    void deviceStatusAlertNeedsNoPoint() {
        ObjectNode offline = alert(NOW.toEpochMilli());
        offline.remove("measurepointId");
        offline.put("deviceStatus", "offline");
        ObjectNode body = Json.object();
        body.set("activeAlert", offline);

        String eventId = api.ok(api.post(ACTIVE, "create", body)).asText();

        SimClient.Answer answer = api.post(ACTIVE, "search", Json.object().put("expression", "deviceStatus = 'offline'"));
        assertEquals(eventId, api.ok(answer).get(0).get("eventId").asText());
    }

    @Test
    void batchCreateCreatesAllOrNone() {
        ObjectNode good = Json.object();
        good.putArray("activeAlertList").add(alert(NOW.toEpochMilli() - 1000)).add(alert(NOW.toEpochMilli() - 2000));

        SimClient.Answer created = api.post(ACTIVE, "batchCreate", good);

        assertEquals(2, created.body().get("successSize").asInt());
        assertEquals(2, created.body().get("totalSize").asInt());
        for (JsonNode item : api.ok(created)) {
            assertEquals(0, item.get("code").asInt());
            assertEquals(3, byId(ACTIVE, item.get("data").asText()).get("eventType").asInt());
        }
        ObjectNode mixed = Json.object();
        ArrayNode list = mixed.putArray("activeAlert");
        list.add(alert(NOW.toEpochMilli() - 3000)).add(alert(NOW.toEpochMilli()).put("assetId", "noSuchAsset"));
        SimClient.Answer refused = api.post(ACTIVE, "batchCreate", mixed);
        assertEquals(0, refused.body().get("successSize").asInt());
        assertEquals(-1, api.ok(refused).get(0).get("code").asInt());
        assertEquals(-1, api.ok(refused).get(1).get("code").asInt());
        assertTrue(api.ok(refused).get(1).get("data").asText().contains("noSuchAsset"));
        api.fails(99400, api.post(ACTIVE, "batchCreate", Json.object()));
    }

    @Test
    void closeWithBodyMovesTheAlertToHistory() {
        String eventId = createActive(NOW.toEpochMilli() - 600_000);
        ObjectNode close = Json.object().put("eventId", eventId).put("recoverTime", NOW.toEpochMilli())
                .put("recoverReason", "fixed on site");

        api.ok(api.post(ACTIVE, "close", close));

        assertEquals(null, byId(ACTIVE, eventId));
        JsonNode history = byId(HISTORY, eventId);
        assertEquals(2, history.get("eventType").asInt());
        assertEquals(NOW.toEpochMilli(), history.get("recoverTime").asLong());
        assertEquals("fixed on site", history.get("recoverReason").asText());
        api.fails(99404, api.post(ACTIVE, "close", close));
    }

    @Test
    void closeWithQueryParametersClosesAGeneratedAlert() {
        JsonNode generated = api.ok(api.post(ACTIVE, "search", Json.object().put("expression", "eventType = 1"))).get(0);
        String eventId = generated.get("eventId").asText();

        api.ok(api.post(ACTIVE, Map.of("action", "close", "eventId", eventId,
                "recoverTime", Long.toString(NOW.toEpochMilli()), "recoverReason", "manual"), null));

        assertEquals(null, byId(ACTIVE, eventId));
        JsonNode history = byId(HISTORY, eventId);
        assertEquals(2, history.get("eventType").asInt());
        assertEquals("manual", history.get("recoverReason").asText());
    }

    @Test
    void closeNeedsEventIdAndALaterRecoverTime() {
        String eventId = createActive(NOW.toEpochMilli() - 1000);
        api.fails(99400, api.post(ACTIVE, "close", Json.object().put("eventId", eventId)));
        api.fails(99400, api.post(ACTIVE, "close", Json.object().put("recoverTime", NOW.toEpochMilli())));
        api.fails(99400, api.post(ACTIVE, "close", Json.object().put("eventId", eventId)
                .put("recoverTime", NOW.toEpochMilli() - 5000)));
        api.fails(99404, api.post(ACTIVE, "close", Json.object().put("eventId", "2026nosuchalert")
                .put("recoverTime", NOW.toEpochMilli())));
    }

    @Test
    void deleteRemovesAnActiveAlert() {
        String mine = createActive(NOW.toEpochMilli() - 1000);
        String generated = api.ok(api.post(ACTIVE, "search", Json.object().put("expression", "eventType = 1")))
                .get(0).get("eventId").asText();

        api.ok(api.post(ACTIVE, Map.of("action", "delete", "eventId", mine), null));
        api.ok(api.post(ACTIVE, Map.of("action", "delete", "eventId", generated), null));

        assertEquals(null, byId(ACTIVE, mine));
        assertEquals(null, byId(ACTIVE, generated));
        api.fails(99404, api.post(ACTIVE, Map.of("action", "delete", "eventId", mine), null));
        api.fails(99400, api.post(ACTIVE, "delete", null));
    }

    @Test
    void updateTagsReplacesOrPatches() {
        String eventId = createActive(NOW.toEpochMilli() - 1000);
        ObjectNode patch = Json.object().put("eventId", eventId);
        patch.putObject("tags").put("ticket", "T-1");

        api.ok(api.post(ACTIVE, Map.of("action", "updateTags", "isPatchUpdate", "true"), patch));
        JsonNode patched = byId(ACTIVE, eventId).get("tag");
        assertEquals("test", patched.get("source").asText());
        assertEquals("T-1", patched.get("ticket").asText());

        api.ok(api.post(ACTIVE, Map.of("action", "updateTags", "isPatchUpdate", "false"), patch));
        JsonNode replaced = byId(ACTIVE, eventId).get("tag");
        assertFalse(replaced.has("source"));
        assertEquals("T-1", replaced.get("ticket").asText());

        ObjectNode expression = Json.object().put("expression", "tag.ticket = 'T-1'");
        assertEquals(eventId, api.ok(api.post(ACTIVE, "search", expression)).get(0).get("eventId").asText());
        api.fails(99404, api.post(HISTORY, "updateTags", patch));
        api.fails(99400, api.post(ACTIVE, "updateTags", Json.object().put("eventId", eventId)));
    }

    @Test
    void batchUpdateTagsTagsEveryAlert() {
        String first = createActive(NOW.toEpochMilli() - 1000);
        String second = api.ok(api.post(ACTIVE, "search", Json.object().put("expression", "eventType = 1")))
                .get(0).get("eventId").asText();
        ObjectNode body = Json.object();
        body.putArray("eventIds").add(first).add(second);
        body.put("isPatchUpdate", false).putObject("tags").put("shift", "night");

        api.ok(api.post(ACTIVE, "batchUpdateTags", body));

        assertEquals("night", byId(ACTIVE, first).get("tag").get("shift").asText());
        assertEquals("night", byId(ACTIVE, second).get("tag").get("shift").asText());
        api.fails(99400, api.post(ACTIVE, "batchUpdateTags", Json.object().putObject("tags")));
        ObjectNode withUnknown = body.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) withUnknown.get("eventIds")).add("2026nosuchalert");
        withUnknown.putObject("tags").put("shift", "day");
        api.fails(99404, api.post(ACTIVE, "batchUpdateTags", withUnknown));
        assertEquals("night", byId(ACTIVE, first).get("tag").get("shift").asText(), "all or none");
    }

    @Test
    void historyAlertsCanBeCreatedAndRetagged() {
        ObjectNode one = Json.object();
        one.set("historyAlert", alert(NOW.toEpochMilli() - 7_200_000).put("recoverTime", NOW.toEpochMilli() - 3_600_000)
                .put("recoverReason", "imported"));
        String eventId = api.ok(api.post(HISTORY, "create", one)).asText();
        ObjectNode batch = Json.object();
        batch.putArray("historyAlertList").add(alert(NOW.toEpochMilli() - 9_000_000)
                .put("recoverTime", NOW.toEpochMilli() - 8_000_000));

        SimClient.Answer created = api.post(HISTORY, "batchCreate", batch);

        assertEquals(1, created.body().get("successSize").asInt());
        JsonNode history = byId(HISTORY, eventId);
        assertEquals("imported", history.get("recoverReason").asText());
        assertEquals(3, history.get("eventType").asInt());
        ObjectNode tags = Json.object().put("eventId", eventId);
        tags.putObject("tags").put("reviewed", "yes");
        api.ok(api.post(HISTORY, Map.of("action", "updateTags", "isPatchUpdate", "true"), tags));
        assertEquals("yes", byId(HISTORY, eventId).get("tag").get("reviewed").asText());
        assertEquals("test", byId(HISTORY, eventId).get("tag").get("source").asText());
        ObjectNode noRecover = Json.object();
        noRecover.set("historyAlert", alert(NOW.toEpochMilli()));
        api.fails(99400, api.post(HISTORY, "create", noRecover));
    }
}
