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

import java.util.List;
import java.util.Map;

import static io.camelenos.simulator.alert.AlertApi.HISTORY;
import static io.camelenos.simulator.alert.AlertApi.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alert severities, types, contents and rules of the event service, and rules driving the generated alerts. */
class AlertCatalogServiceTest {

    static final String SEVERITIES = "/event-service/v2.1/alert-severities";
    static final String TYPES = "/event-service/v2.1/alert-types";
    static final String CONTENTS = "/event-service/v2.1/alert-contents";
    static final String RULES = "/event-service/v2.1/alert-rules";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(60));

    private AlertApi api;

    @BeforeEach
    void fixClock() {
        api = new AlertApi(enos.simulator());
        api.at(NOW);
    }

    private static ObjectNode wrap(String field, ObjectNode object) {
        ObjectNode body = Json.object();
        body.set(field, object);
        return body;
    }

    private List<String> ids(JsonNode items, String field) {
        return java.util.stream.StreamSupport.stream(items.spliterator(), false).map(n -> n.get(field).asText()).toList();
    }

    @Test
    void defaultSeveritiesAreSeeded() {
        SimClient.Answer answer = api.post(SEVERITIES, "search", Json.object());

        JsonNode data = api.ok(answer);
        assertEquals(10, answer.body().get("pagination").get("pageSize").asInt());
        assertTrue(ids(data, "severityId").containsAll(List.of("critical", "major", "minor", "warning")));
        JsonNode critical = api.ok(api.post(SEVERITIES, "search",
                Json.object().put("expression", "severityId = 'critical'"))).get(0);
        assertEquals("严重", critical.get("severityDesc").get("i18nValue").get("zh_CN").asText());
        assertEquals(enos.simulator().orgId(), critical.get("orgId").asText());
    }

    @Test
    void alertTypesAreSearchedOnTheDocumentedPathWithSorters() {
        ObjectNode body = AlertApi.page(1, 3);
        ((ObjectNode) body.get("pagination")).putArray("sorters").addObject().put("field", "typeId").put("order", "DESC");

        SimClient.Answer answer = api.post(TYPES + "/search", "search", body);

        JsonNode data = api.ok(answer);
        assertEquals(List.of("statusFault", "powerLimited", "performance"), ids(data, "typeId"));
        assertEquals("typeId", answer.body().get("pagination").get("sortedBy").get(0).get("field").asText());
        assertTrue(answer.body().get("pagination").get("totalSize").asInt() >= 5);
        JsonNode children = api.ok(api.post(TYPES, "search", Json.object().put("expression", "parentTypeId = 'deviceFault'")));
        assertEquals(List.of("overTemperature", "statusFault"), ids(children, "typeId").stream().sorted().toList());
        api.fails(99400, api.post(TYPES, "search", Json.object().put("expression", "typeDesc = 'x'")));
    }

    @Test
    void severityLifecycle() {
        ObjectNode severity = Json.object().put("severityId", "info");
        severity.set("severityDesc", DataSet.i18n("Info", "提示"));
        severity.putObject("tags").put("team", "ops");

        api.ok(api.post(SEVERITIES, "create", wrap("severity", severity)));
        api.fails(99400, api.post(SEVERITIES, "create", wrap("severity", severity)));
        api.ok(api.post(SEVERITIES, Map.of("action", "update", "isPatchUpdate", "true"),
                wrap("severity", Json.object().put("severityId", "info").set("tags", Json.object().put("team", "noc")))));

        JsonNode info = api.ok(api.post(SEVERITIES, "search", Json.object().put("expression", "severityId = 'info'"))).get(0);
        assertEquals("noc", info.get("tags").get("team").asText());
        assertEquals("Info", info.get("severityDesc").get("defaultValue").asText());
        assertEquals(NOW.toEpochMilli(), info.get("updateTime").asLong());
        api.ok(api.post(SEVERITIES, Map.of("action", "delete", "severityId", "info"), null));
        assertEquals(0, api.ok(api.post(SEVERITIES, "search", Json.object().put("expression", "severityId = 'info'"))).size());
        api.fails(99404, api.post(SEVERITIES, Map.of("action", "delete", "severityId", "info"), null));
        api.fails(99400, api.post(SEVERITIES, Map.of("action", "delete", "severityId", "critical"), null));
        api.fails(99404, api.post(SEVERITIES, "update", wrap("severity", severity)));
        api.fails(99400, api.post(SEVERITIES, "create", wrap("severity", Json.object().put("severityId", "x"))));
    }

    @Test
    void typeLifecycleChecksParentsAndUse() {
        ObjectNode type = Json.object().put("typeId", "gridEvent").put("parentTypeId", "performance");
        type.set("typeDesc", DataSet.i18n("Grid event", "电网事件"));
        api.ok(api.post(TYPES, "create", wrap("alertType", type)));
        api.fails(99400, api.post(TYPES, "create", wrap("alertType",
                type.deepCopy().put("typeId", "orphan").put("parentTypeId", "noSuchType"))));
        api.ok(api.post(TYPES, Map.of("action", "update", "isPatchUpdate", "false"), wrap("alertType", type.deepCopy()
                .put("parentTypeId", "deviceFault"))));
        JsonNode updated = api.ok(api.post(TYPES, "search", Json.object().put("expression", "typeId = 'gridEvent'"))).get(0);
        assertEquals("deviceFault", updated.get("parentTypeId").asText());

        api.fails(99400, api.post(TYPES, Map.of("action", "delete", "alertTypeId", "statusFault"), null));
        api.ok(api.post(TYPES, Map.of("action", "delete", "alertTypeId", "gridEvent"), null));
        api.fails(99404, api.post(TYPES, Map.of("action", "delete", "alertTypeId", "gridEvent"), null));
        api.fails(99400, api.post(TYPES, "delete", null));
    }

    @Test
    void contentLifecycleAndGet() {
        ObjectNode content = Json.object().put("contentId", "MTR_FREQ").put("modelId", "EnOS_Meter")
                .put("alertTypeId", "performance");
        content.set("contentDesc", DataSet.i18n("Grid frequency out of band", "电网频率越限"));

        api.ok(api.post(CONTENTS, "create", wrap("alertContent", content)));
        JsonNode got = api.ok(api.get(CONTENTS, Map.of("action", "get", "contentId", "MTR_FREQ")));

        assertEquals("EnOS_Meter", got.get("modelId").asText());
        assertEquals("Grid frequency out of band", got.get("contentDesc").get("defaultValue").asText());
        api.fails(99404, api.get(CONTENTS, Map.of("action", "get", "contentId", "nope")));
        api.fails(99400, api.get(CONTENTS, Map.of("action", "get")));
        api.fails(99400, api.post(CONTENTS, "create", wrap("alertContent", content.deepCopy()
                .put("contentId", "X").put("modelId", "NoSuchModel"))));
        api.fails(99400, api.post(CONTENTS, "create", wrap("alertContent", content.deepCopy()
                .put("contentId", "Y").put("alertTypeId", "noSuchType"))));
        JsonNode meterContents = api.ok(api.post(CONTENTS, "search", Json.object().put("expression", "modelId = 'EnOS_Meter'")));
        assertEquals(List.of("MTR_FREQ"), ids(meterContents, "contentId"));
        api.ok(api.post(CONTENTS, Map.of("action", "update", "isPatchUpdate", "true"),
                wrap("alertContent", Json.object().put("contentId", "MTR_FREQ").put("alertTypeId", "deviceFault"))));
        JsonNode patched = api.ok(api.get(CONTENTS, Map.of("action", "get", "contentId", "MTR_FREQ")));
        assertEquals("deviceFault", patched.get("alertType").get("typeId").asText());
        assertTrue(patched.get("subAlertType").isNull(), "a top-level type has no sub type");
        assertFalse(patched.has("alertTypeId"), "the documented struct carries alertType objects, not the flat id");
        api.ok(api.post(CONTENTS, Map.of("action", "delete", "alertContentId", "MTR_FREQ"), null));
        api.fails(99404, api.post(CONTENTS, Map.of("action", "get", "contentId", "MTR_FREQ"), null));
        api.fails(99400, api.post(CONTENTS, Map.of("action", "delete", "contentId", "WTG_FAULT"), null));
        SimClient.Answer noId = api.post(CONTENTS, "delete", null);
        api.fails(99400, noId);
        assertTrue(noId.body().get("msg").asText().contains("alertContentId is missing"), noId.body().toString());
    }

    @Test
    void contentsShowTheirTypeAndSubTypeAndAreFilteredByThem() {
        JsonNode fault = api.ok(api.post(CONTENTS, Map.of("action", "get", "contentId", "WTG_FAULT"), null));
        assertEquals("deviceFault", fault.get("alertType").get("typeId").asText());
        assertEquals("statusFault", fault.get("subAlertType").get("typeId").asText());
        assertEquals("Fault state", fault.get("subAlertType").get("typeDesc").get("defaultValue").asText());

        JsonNode byType = api.ok(api.post(CONTENTS, "search", Json.object().put("alertTypeId", "deviceFault")));
        assertEquals(List.of("INV_FAULT", "INV_OVER_TEMP", "WTG_FAULT"), ids(byType, "contentId").stream().sorted().toList());
        JsonNode bySub = api.ok(api.post(CONTENTS, "search", Json.object().put("subAlertTypeId", "statusFault")
                .put("modelId", "EnOS_Wind_Turbine")));
        assertEquals(List.of("WTG_FAULT"), ids(bySub, "contentId"));
        assertEquals(0, api.ok(api.post(CONTENTS, "search", Json.object().put("modelId", "EnOS_Meter")
                .put("alertTypeId", "deviceFault"))).size());
    }

    @Test
    void rulesCarryTheirDescriptionsAndAreFilteredByModelAndPoint() {
        JsonNode rules = api.ok(api.post(RULES, "search", Json.object().put("modelId", "EnOS_Solar_Inverter")
                .put("measurepointId", "INV.Temperature")));

        assertEquals(List.of("INV_TEMPERATURE_HIGH"), ids(rules, "ruleId"));
        JsonNode rule = rules.get(0);
        assertEquals("Major", rule.get("severityDesc").get("defaultValue").asText());
        assertEquals("Inverter over temperature", rule.get("contentDesc").get("defaultValue").asText());
        assertEquals("overTemperature", rule.get("typeId").asText());
        assertEquals("Over temperature", rule.get("typeDesc").get("defaultValue").asText());
        assertEquals(2, api.ok(api.post(RULES, "search", Json.object().put("modelId", "EnOS_Wind_Turbine"))).size());
    }

    @Test
    void ruleFieldsAtTheTopOfTheBodyAreAcceptedAsTheSdkSendsThem() {
        ObjectNode rule = Json.object().put("ruleId", "TOP_LEVEL").put("modelId", "EnOS_Wind_Turbine")
                .put("measurepointId", "WTG.Status").put("condition", "WTG.Status = 4").put("severityId", "minor")
                .put("contentId", "WTG_FAULT");
        rule.set("ruleDesc", DataSet.i18n("Top level", "顶层"));
        rule.putArray("scope").addObject().put("treeId", "all").put("assetId", "all");

        api.ok(api.post(RULES, "create", rule));
        api.ok(api.post(RULES, Map.of("action", "update", "isPatchUpdate", "true"),
                Json.object().put("ruleId", "TOP_LEVEL").put("isEnabled", false)));

        JsonNode stored = api.ok(api.post(RULES, "search", Json.object().put("expression", "ruleId = 'TOP_LEVEL'"))).get(0);
        assertEquals("WTG.Status = 4", stored.get("condition").asText());
        assertFalse(stored.get("isEnabled").asBoolean());
        assertFalse(stored.has("action"), "the query's fields are not part of the rule");
        api.ok(api.post(RULES, Map.of("action", "delete", "ruleId", "TOP_LEVEL"), null));
    }

    @Test
    void ruleSearchShowsTheSeededRules() {
        JsonNode rules = api.ok(api.post(RULES, "search", Json.object().put("expression", "modelId = 'EnOS_Solar_Inverter'")));

        assertEquals(List.of("INV_STATUS_FAULT", "INV_TEMPERATURE_HIGH"), ids(rules, "ruleId").stream().sorted().toList());
        JsonNode temperature = rules.get(0).get("ruleId").asText().equals("INV_TEMPERATURE_HIGH") ? rules.get(0) : rules.get(1);
        assertEquals("INV.Temperature > 62", temperature.get("condition").asText());
        assertEquals(1800, temperature.get("triggeringDelayTimer").asInt());
        assertTrue(temperature.get("isEnabled").asBoolean());
    }

    @Test
    void aCreatedRuleRaisesAlertsAndStopsWhenDisabled() {
        ObjectNode rule = Json.object().put("ruleId", "MTR_FREQ_HIGH").put("modelId", "EnOS_Meter")
                .put("measurepointId", "METER.Frequency").put("condition", "METER.Frequency > 50.04")
                .put("severityId", "minor").put("contentId", "WTG_LIMITED");
        rule.set("ruleDesc", DataSet.i18n("Frequency high", "频率高"));
        rule.putArray("scope").addObject().put("treeId", "all").put("assetId", "all");
        ObjectNode byRule = AlertApi.lastWeek(NOW).put("expression", "hitRuleId = 'MTR_FREQ_HIGH'");
        assertEquals(0, api.all(HISTORY, byRule).size());

        api.ok(api.post(RULES, "create", wrap("alertRule", rule)));
        List<JsonNode> raised = api.all(HISTORY, byRule);

        assertFalse(raised.isEmpty());
        raised.forEach(a -> assertTrue(a.get("value").asDouble() > 50.04, a.toString()));
        raised.forEach(a -> assertEquals("EnOS_Meter", a.get("modelId").asText()));
        api.ok(api.post(RULES, Map.of("action", "update", "isPatchUpdate", "true"),
                wrap("alertRule", Json.object().put("ruleId", "MTR_FREQ_HIGH").put("isEnabled", false))));
        assertEquals(0, api.all(HISTORY, byRule).size());
        api.ok(api.post(RULES, Map.of("action", "delete", "ruleId", "MTR_FREQ_HIGH"), null));
        api.fails(99404, api.post(RULES, Map.of("action", "delete", "ruleId", "MTR_FREQ_HIGH"), null));
    }

    @Test
    void aRuleScopedToATreeRaisesAlertsOnlyThere() {
        DataSet data = enos.simulator().dataSet();
        ObjectNode rule = Json.object().put("ruleId", "MTR_FREQ_SITE2").put("modelId", "EnOS_Meter")
                .put("measurepointId", "METER.Frequency").put("condition", "METER.Frequency < 49.96")
                .put("severityId", "warning").put("contentId", "WTG_LIMITED");
        rule.set("ruleDesc", DataSet.i18n("Frequency low", "频率低"));
        rule.putArray("scope").addObject().put("treeId", data.treeIdOfSite(25)).put("assetId", data.assetId(25));

        api.ok(api.post(RULES, "create", wrap("alertRule", rule)));
        List<JsonNode> raised = api.all(HISTORY, AlertApi.lastWeek(NOW).put("expression", "hitRuleId = 'MTR_FREQ_SITE2'"));

        assertFalse(raised.isEmpty());
        raised.forEach(a -> assertEquals(data.assetId(49), a.get("assetId").asText()));
    }

    @Test
    void ruleCreationChecksItsReferences() {
        ObjectNode rule = Json.object().put("ruleId", "BAD").put("modelId", "EnOS_Meter")
                .put("measurepointId", "METER.NoSuchPoint").put("condition", "METER.NoSuchPoint > 1")
                .put("severityId", "minor").put("contentId", "WTG_LIMITED");
        rule.set("ruleDesc", DataSet.i18n("Bad", "坏"));
        rule.putArray("scope").addObject().put("treeId", "all").put("assetId", "all");
        api.fails(99400, api.post(RULES, "create", wrap("alertRule", rule)));
        api.fails(99400, api.post(RULES, "create", wrap("alertRule", rule.deepCopy()
                .put("measurepointId", "METER.Frequency").put("severityId", "noSuchSeverity"))));
        api.fails(99400, api.post(RULES, "create", wrap("alertRule", rule.deepCopy()
                .put("measurepointId", "METER.Frequency").put("contentId", "noSuchContent"))));
        ObjectNode unknownTree = rule.deepCopy().put("measurepointId", "METER.Frequency");
        unknownTree.putArray("scope").addObject().put("treeId", "trNoSuchTree").put("assetId", "x");
        api.fails(99404, api.post(RULES, "create", wrap("alertRule", unknownTree)));
        ObjectNode noScope = rule.deepCopy().put("measurepointId", "METER.Frequency");
        noScope.remove("scope");
        api.fails(99400, api.post(RULES, "create", wrap("alertRule", noScope)));
        api.fails(99400, api.post(RULES, "create", Json.object()));
    }
}
