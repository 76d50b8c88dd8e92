package io.camelenos.simulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelServiceTest {

    private static final String MODELS = "/model-service/v2.1/thing-models";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(50));

    private static SimClient client() {
        return new SimClient(enos.simulator());
    }

    private static SimClient.Answer ok(SimClient.Answer answer) {
        assertEquals(0, answer.code(), answer.body().toString());
        return answer;
    }

    private static SimClient.Answer search(ObjectNode body, String scope) {
        return client().post(MODELS, scope == null ? Map.of("action", "search") : Map.of("action", "search", "scope", scope), body);
    }

    private static JsonNode get(String modelId) {
        return ok(client().get(MODELS, Map.of("action", "get", "modelId", modelId))).data();
    }

    @Test
    void searchAnswersTheFleetModelsTenPerPageByDefault() {
        SimClient.Answer answer = ok(search(Json.object(), null));

        assertEquals(5, answer.body().get("pagination").get("totalSize").asInt());
        assertEquals(10, answer.body().get("pagination").get("pageSize").asInt());
        assertEquals("EnOS_Wind_Farm", answer.data().get(0).get("modelId").asText());
        assertEquals(enos.simulator().orgId(), answer.data().get(0).get("orgId").asText());
    }

    @Test
    void searchByModelIdInWithDoubleQuotesAsTheDocSample() {
        ObjectNode body = Json.object().put("expression", "modelId in ( \"EnOS_Meter\", \"EnOS_Solar_Inverter\" )");
        body.putArray("projection").add("modelId").add("name.defaultValue");

        JsonNode data = ok(search(body, "0")).data();

        List<String> ids = new ArrayList<>();
        data.forEach(m -> ids.add(m.get("modelId").asText()));
        assertEquals(List.of("EnOS_Solar_Inverter", "EnOS_Meter"), ids);
        assertEquals(Json.object().put("defaultValue", "Meter"), data.get(1).get("name"));
        assertFalse(data.get(1).has("measurepoints"));
    }

    @Test
    void searchByTagAndPages() {
        ObjectNode body = Json.object().put("expression", "tags.domain = 'device'");
        body.putObject("pagination").put("pageNo", 2).put("pageSize", 2);

        SimClient.Answer answer = ok(search(body, "1"));

        assertEquals(3, answer.body().get("pagination").get("totalSize").asInt());
        assertEquals(1, answer.data().size());
        assertEquals("EnOS_Meter", answer.data().get(0).get("modelId").asText());
    }

    @Test
    void searchRefusesSortersOtherFieldsAndBadScope() {
        ObjectNode sorted = Json.object();
        sorted.putObject("pagination").put("pageSize", 5).putArray("sorters").addObject().put("field", "modelId");
        assertEquals(99400, search(sorted, null).code());
        assertEquals(99400, search(Json.object().put("expression", "orgId = 'x'"), null).code());
        assertEquals(99400, search(Json.object(), "2").code());
    }

    @Test
    void getAnswersAModelWithItsPoints() {
        JsonNode turbine = get("EnOS_Wind_Turbine");

        assertEquals("/EnOS_Wind_Turbine", turbine.get("modelIdPath").asText());
        assertEquals("AI", turbine.get("measurepoints").get("WTG.GenActivePW").get("signalType").asText());
        assertEquals("DOUBLE", turbine.get("attributes").get("ratedPower").get("dataType").asText());
    }

    @Test
    void unknownModelIs99404AndMissingModelIdIs99400() {
        assertEquals(99404, client().get(MODELS, Map.of("action", "get", "modelId", "nope")).code());
        assertEquals(99400, client().get(MODELS, Map.of("action", "get")).code());
        assertEquals(99404, client().post(MODELS, Map.of("action", "update"),
                Json.object().put("modelId", "nope")).code());
    }

    @Test
    void patchUpdateMergesElementsAndKeepsTheRest() {
        ObjectNode change = Json.object().put("modelId", "EnOS_Solar_Inverter").put("desc", "patched");
        change.putObject("measurepoints").putObject("INV.ACVoltage").put("identifier", "INV.ACVoltage")
                .put("signalType", "AI").put("dataType", "DOUBLE");

        ok(client().post(MODELS, Map.of("action", "update"), change));

        JsonNode inverter = get("EnOS_Solar_Inverter");
        assertEquals("patched", inverter.get("desc").asText());
        assertTrue(inverter.get("measurepoints").has("INV.ACVoltage"));
        assertTrue(inverter.get("measurepoints").has("INV.GenActivePW"));
        assertEquals("EnOS_Solar_Inverter", inverter.get("modelId").asText());
    }

    @Test
    void fullUpdateReplacesTheModel() {
        ObjectNode change = Json.object().put("modelId", "EnOS_Meter").put("desc", "replaced");
        change.putObject("tags").put("domain", "device");
        change.putObject("attributes").putObject("ctRatio").put("identifier", "ctRatio").put("dataType", "INT");

        ok(client().post(MODELS, Map.of("action", "update", "isPatchUpdate", "false"), change));

        JsonNode meter = get("EnOS_Meter");
        assertEquals("replaced", meter.get("desc").asText());
        assertEquals(0, meter.get("measurepoints").size());
        assertEquals(1, meter.get("attributes").size());
        assertEquals("/EnOS_Meter", meter.get("modelIdPath").asText());
    }
}
