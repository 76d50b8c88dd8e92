package io.camelenos.simulator.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.camelenos.simulator.alert.AlertApi.ACTIVE;
import static io.camelenos.simulator.alert.AlertApi.HISTORY;
import static io.camelenos.simulator.alert.AlertApi.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventAlertServiceTest {

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(100));

    private AlertApi api;

    @BeforeEach
    void fixClock() {
        api = new AlertApi(enos.simulator());
        api.at(NOW);
    }

    private DataSet data() {
        return enos.simulator().dataSet();
    }

    private List<JsonNode> history() {
        return api.all(HISTORY, AlertApi.lastWeek(NOW));
    }

    @Test
    void searchActiveAnswersTenNewestFirstByDefault() {
        SimClient.Answer answer = api.post(ACTIVE, "search", AlertApi.body());

        JsonNode data = api.ok(answer);
        JsonNode pagination = answer.body().get("pagination");
        assertEquals(1, pagination.get("pageNo").asInt());
        assertEquals(10, pagination.get("pageSize").asInt());
        assertTrue(pagination.get("totalSize").asInt() > 10, pagination.toString());
        assertEquals(10, data.size());
        assertEquals("occurTime", pagination.get("sortedBy").get(0).get("field").asText());
        assertEquals("DESC", pagination.get("sortedBy").get(0).get("order").asText());
        for (int i = 1; i < data.size(); i++) {
            assertTrue(data.get(i - 1).get("occurTime").asLong() >= data.get(i).get("occurTime").asLong());
        }
        JsonNode alert = data.get(0);
        assertEquals(1, alert.get("eventType").asInt());
        assertEquals(40, alert.get("eventId").asText().length());
        assertEquals(enos.simulator().orgId(), alert.get("orgId").asText());
        assertTrue(alert.get("occurTime").asLong() <= NOW.toEpochMilli());
        assertFalse(alert.has("recoverTime"));
        assertTrue(alert.get("severityDesc").get("i18nValue").has("en_US"));
        assertTrue(alert.get("assetPaths").get(0).asText().startsWith("tr"));
    }

    @Test
    void activeAlertsComeFromTheSeededRules() {
        List<JsonNode> active = api.all(ACTIVE, AlertApi.body());

        for (JsonNode alert : active) {
            String rule = alert.get("hitRuleId").asText();
            String model = alert.get("modelId").asText();
            assertTrue(rule.startsWith(model.equals("EnOS_Wind_Turbine") ? "WTG_" : "INV_"), alert.toString());
            int index = data().indexOf(alert.get("assetId").asText());
            assertEquals(model, data().modelOf(index).modelId());
            String site = data().assetId(DataSet.siteIndexOf(index));
            assertEquals(data().treeIdOfSite(DataSet.siteIndexOf(index)) + ":/" + site + "/" + alert.get("assetId").asText(),
                    alert.get("assetPaths").get(0).asText());
            if (rule.equals("INV_TEMPERATURE_HIGH")) {
                assertTrue(alert.get("value").asDouble() > 60, alert.toString());
                assertEquals("deviceFault", alert.get("typeId").asText());
                assertEquals("overTemperature", alert.get("subTypeId").asText());
            }
            if (rule.equals("WTG_STATUS_FAULT")) {
                assertEquals(3, alert.get("value").asInt());
                assertEquals("critical", alert.get("severityId").asText());
            }
        }
    }

    @Test
    void searchRefusesSortersAndPagesOver1000() {
        ObjectNode sorted = AlertApi.page(1, 10);
        ((ObjectNode) sorted.get("pagination")).putArray("sorters").addObject().put("field", "assetId");
        api.fails(99400, api.post(ACTIVE, "search", sorted));
        api.fails(99400, api.post(ACTIVE, "search", AlertApi.page(1, 1001)));
    }

    @Test
    void historySearchRequiresBothOccurTimes() {
        SimClient.Answer noStart = api.post(HISTORY, "search", Json.object().put("endOccurTime", NOW.toString()));
        api.fails(99400, noStart);
        assertTrue(noStart.body().get("msg").asText().contains("startOccurTime"));
        SimClient.Answer noEnd = api.post(HISTORY, "search", Json.object().put("startOccurTime", NOW.toString()));
        api.fails(99400, noEnd);
        assertTrue(noEnd.body().get("msg").asText().contains("endOccurTime"));
        api.fails(99400, api.post(HISTORY, "search",
                Json.object().put("startOccurTime", "yesterday").put("endOccurTime", NOW.toString())));
    }

    @Test
    void historyHoldsRecoveredAlertsOfTheWindowNewestFirst() {
        List<JsonNode> history = history();

        assertTrue(history.size() > 20, "history alerts: " + history.size());
        for (int i = 0; i < history.size(); i++) {
            JsonNode alert = history.get(i);
            assertEquals(0, alert.get("eventType").asInt());
            assertTrue(alert.get("recoverTime").asLong() > alert.get("occurTime").asLong());
            assertTrue(alert.get("recoverTime").asLong() <= NOW.toEpochMilli());
            assertNotNull(alert.get("localRecoverTime").asText(null));
            if (i > 0) {
                assertTrue(history.get(i - 1).get("occurTime").asLong() >= alert.get("occurTime").asLong());
            }
        }
    }

    @Test
    void historySearchKeepsToTheTimeBounds() {
        Instant from = NOW.minusSeconds(86_400);
        ObjectNode body = Json.object().put("startOccurTime", from.toString()).put("endOccurTime", NOW.toString());

        List<JsonNode> lastDay = api.all(HISTORY, body);

        assertFalse(lastDay.isEmpty());
        assertTrue(lastDay.size() < history().size());
        lastDay.forEach(a -> assertTrue(a.get("occurTime").asLong() >= from.toEpochMilli()));
    }

    @Test
    void localTimeBoundsAreReadInEachAssetsTimezone() {
        JsonNode any = history().get(3);
        String assetId = any.get("assetId").asText();
        String local = any.get("localOccurTime").asText();
        ObjectNode exact = Json.object().put("startOccurTime", local).put("endOccurTime", local).put("assetId", assetId);

        List<JsonNode> found = api.all(HISTORY, exact);

        assertTrue(found.stream().anyMatch(a -> a.get("eventId").equals(any.get("eventId"))), found.toString());
        found.forEach(a -> assertEquals(any.get("occurTime").asLong(), a.get("occurTime").asLong()));
        api.fails(99400, api.post(HISTORY, "search", Json.object().put("startOccurTime", local)
                .put("endOccurTime", NOW.toString())));
    }

    @Test
    void recoverTimeBoundsSelectByRecovery() {
        Instant from = NOW.minusSeconds(6 * 3600);
        ObjectNode body = AlertApi.lastWeek(NOW).put("recoverStartTime", from.toString()).put("recoverEndTime", NOW.toString());

        List<JsonNode> recent = api.all(HISTORY, body);

        assertFalse(recent.isEmpty());
        assertTrue(recent.size() < history().size());
        recent.forEach(a -> assertTrue(a.get("recoverTime").asLong() >= from.toEpochMilli()));
    }

    @Test
    void expressionFiltersOnTheDocumentedFields() {
        List<JsonNode> critical = api.all(HISTORY, AlertApi.lastWeek(NOW)
                .put("expression", "severityId = 'critical' and eventType = 0"));
        List<JsonNode> faultOrLimited = api.all(HISTORY, AlertApi.lastWeek(NOW)
                .put("expression", "hitRuleId in ('WTG_STATUS_FAULT', 'WTG_STATUS_LIMITED') or subTypeId = 'powerLimited'"));
        List<JsonNode> tagged = api.all(HISTORY, AlertApi.lastWeek(NOW).put("expression", "exists(tag.anything)"));
        List<JsonNode> untagged = api.all(HISTORY, AlertApi.lastWeek(NOW).put("expression", "not exists(tag.anything)"));

        assertFalse(critical.isEmpty());
        critical.forEach(a -> assertEquals("critical", a.get("severityId").asText()));
        assertFalse(faultOrLimited.isEmpty());
        faultOrLimited.forEach(a -> assertEquals("EnOS_Wind_Turbine", a.get("modelId").asText()));
        assertEquals(0, tagged.size());
        assertEquals(history().size(), untagged.size());
        String treeId = data().treeIdOfSite(0);
        List<JsonNode> byPath = api.all(HISTORY, AlertApi.lastWeek(NOW).put("expression", "assetPath like '" + treeId + ":%'"));
        byPath.forEach(a -> assertTrue(a.get("assetPaths").get(0).asText().startsWith(treeId + ":")));
        api.fails(99400, api.post(HISTORY, "search", AlertApi.lastWeek(NOW).put("expression", "name = 'x'")));
    }

    @Test
    void bodyFiltersSelectAnAssetAndPoint() {
        JsonNode any = history().get(0);
        ObjectNode body = AlertApi.lastWeek(NOW).put("assetId", any.get("assetId").asText())
                .put("measurepointId", any.get("measurepointId").asText()).put("modelId", any.get("modelId").asText());

        List<JsonNode> mine = api.all(HISTORY, body);

        assertFalse(mine.isEmpty());
        mine.forEach(a -> assertEquals(any.get("assetId").asText(), a.get("assetId").asText()));
        mine.forEach(a -> assertEquals(any.get("measurepointId").asText(), a.get("measurepointId").asText()));
    }

    @Test
    void scopeKeepsToOneTreeOrNode() {
        String treeId = data().treeIdOfSite(25);
        ObjectNode body = AlertApi.lastWeek(NOW);
        body.putObject("scope").put("treeId", treeId);

        List<JsonNode> inTree = api.all(HISTORY, body);

        assertFalse(inTree.isEmpty());
        inTree.forEach(a -> assertEquals(25, DataSet.siteIndexOf(data().indexOf(a.get("assetId").asText()))));
        String device = inTree.get(0).get("assetId").asText();
        ((ObjectNode) body.get("scope")).put("fromAssetId", device);
        api.all(HISTORY, body).forEach(a -> assertEquals(device, a.get("assetId").asText()));

        ObjectNode unknown = AlertApi.lastWeek(NOW);
        unknown.putObject("scope").put("treeId", "trNoSuchTree");
        api.fails(99404, api.post(HISTORY, "search", unknown));
        ObjectNode noTree = AlertApi.body();
        noTree.putObject("scope").put("includeDerivative", true);
        api.fails(99400, api.post(ACTIVE, "search", noTree));
    }

    @Test
    void scopeAndRootAlertExcludeEachOther() {
        ObjectNode both = AlertApi.body();
        both.putObject("scope").put("treeId", data().treeIdOfSite(0));
        both.putObject("rootAlert").put("rootAlertId", "x");
        api.fails(99400, api.post(ACTIVE, "search", both));

        ObjectNode root = AlertApi.body();
        root.putObject("rootAlert").put("treeId", data().treeIdOfSite(0));
        api.fails(99400, api.post(ACTIVE, "search", root));
        ((ObjectNode) root.get("rootAlert")).put("rootAlertId", "20260310aaaa");
        SimClient.Answer masked = api.post(ACTIVE, "search", root);
        assertEquals(0, api.ok(masked).size(), "no emulated alert masks others");
    }

    @Test
    void projectionCropsTheAlerts() {
        ObjectNode body = AlertApi.body();
        body.putArray("projection").add("eventId").add("severityDesc.defaultValue");

        JsonNode first = api.ok(api.post(ACTIVE, "search", body)).get(0);

        assertTrue(first.has("eventId"));
        assertTrue(first.get("severityDesc").has("defaultValue"));
        assertFalse(first.has("assetId"));
    }

    @Test
    void aggregateCountsActiveAlertsByField() {
        List<JsonNode> active = api.all(ACTIVE, AlertApi.body());
        Map<String, Integer> expected = new HashMap<>();
        active.forEach(a -> expected.merge(a.get("severityId").asText(), 1, Integer::sum));

        JsonNode counts = api.ok(api.post(ACTIVE, "aggregate", Json.object().put("groupByField", "severityId")));

        assertEquals(expected.size(), counts.size());
        expected.forEach((k, v) -> assertEquals(v.intValue(), counts.get(k).asInt()));
        JsonNode onlyCritical = api.ok(api.post(ACTIVE, "aggregate", Json.object().put("groupByField", "assetId")
                .put("expression", "severityId = 'critical'")));
        int total = 0;
        for (JsonNode n : onlyCritical) {
            total += n.asInt();
        }
        assertEquals(expected.getOrDefault("critical", 0).intValue(), total);
        api.fails(99400, api.post(ACTIVE, "aggregate", Json.object()));
        api.fails(99400, api.post(ACTIVE, "aggregate", Json.object().put("groupByField", "value")));
    }

    @Test
    void generatedAlertsAppearAndRecoverAsTheClockMoves() {
        JsonNode recovered = history().get(5);
        String eventId = recovered.get("eventId").asText();
        long occur = recovered.get("occurTime").asLong();
        long recover = recovered.get("recoverTime").asLong();
        ObjectNode byId = Json.object().put("expression", "eventId = '" + eventId + "'");

        api.at(Instant.ofEpochMilli(occur - 1));
        assertEquals(0, api.ok(api.post(ACTIVE, "search", byId)).size());

        api.at(Instant.ofEpochMilli(occur));
        JsonNode active = api.ok(api.post(ACTIVE, "search", byId));
        assertEquals(1, active.size());
        assertEquals(1, active.get(0).get("eventType").asInt());
        assertEquals(recovered.get("value"), active.get(0).get("value"));

        api.at(Instant.ofEpochMilli(recover - 1));
        assertEquals(1, api.ok(api.post(ACTIVE, "search", byId)).size());

        api.at(Instant.ofEpochMilli(recover));
        assertEquals(0, api.ok(api.post(ACTIVE, "search", byId)).size());
        ObjectNode historyById = AlertApi.lastWeek(Instant.ofEpochMilli(recover)).setAll(byId);
        JsonNode history = api.ok(api.post(HISTORY, "search", historyById));
        assertEquals(1, history.size());
        assertEquals(recover, history.get(0).get("recoverTime").asLong());
        assertEquals(0, history.get(0).get("eventType").asInt());
    }

    @Test
    void newAlertsShowUpForAPollerAsTheClockAdvances() {
        List<JsonNode> before = api.all(ACTIVE, AlertApi.body());
        api.at(NOW.plusSeconds(6 * 3600));

        List<JsonNode> after = api.all(ACTIVE, AlertApi.body());

        long newer = after.stream().filter(a -> a.get("occurTime").asLong() > NOW.toEpochMilli()).count();
        assertTrue(newer > 0, "no alert started in the 6 hours after " + NOW);
        assertFalse(before.stream().map(a -> a.get("eventId")).toList()
                .equals(after.stream().map(a -> a.get("eventId")).toList()));
    }

    @Test
    void historyKeepsOnlyTheLastThreeMonths() {
        String asset = data().assetId(1);
        ObjectNode old = Json.object();
        old.putObject("historyAlert").put("assetId", asset).put("modelId", "EnOS_Wind_Turbine")
                .put("measurepointId", "WTG.Status").put("value", 3)
                .put("occurTime", NOW.minusSeconds(100 * 86_400L).toEpochMilli())
                .put("recoverTime", NOW.minusSeconds(99 * 86_400L).toEpochMilli());
        String eventId = api.ok(api.post(HISTORY, "create", old)).asText();
        ObjectNode wide = Json.object().put("startOccurTime", NOW.minusSeconds(365 * 86_400L).toString())
                .put("endOccurTime", NOW.toString()).put("expression", "eventId = '" + eventId + "'");

        assertEquals(0, api.ok(api.post(HISTORY, "search", wide)).size());
    }
}
