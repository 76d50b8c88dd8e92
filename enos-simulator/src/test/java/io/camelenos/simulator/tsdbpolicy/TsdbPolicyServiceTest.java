package io.camelenos.simulator.tsdbpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TsdbPolicyServiceTest {

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(30));

    private SimClient client() {
        return new SimClient(enos.simulator());
    }

    private JsonNode metadata(String modelIds, String points) {
        SimClient.Answer answer = client().get("/tsdb-policy/v2.0/policies", points == null
                ? Map.of("modelIds", modelIds) : Map.of("modelIds", modelIds, "measurepoints", points));
        assertEquals(0, answer.body().path("status").asInt(-1), answer.body().toString());
        assertEquals("success", answer.body().get("msg").asText());
        return answer.data();
    }

    /** The policy holding a storage type, found through the policies the metadata names. */
    private JsonNode policyOfType(String policyType, String version) {
        for (String id : policyIds()) {
            JsonNode policy = client().get("/tsdb-policy/" + version + "/policies/" + id, Map.of()).data();
            if (policy.get("policyType").asText().equals(policyType)) {
                return policy;
            }
        }
        throw new AssertionError("no policy of type " + policyType);
    }

    private List<String> policyIds() {
        StoragePolicies policies = enos.simulator().context().shared(StoragePolicies.class,
                c -> new StoragePolicies(c.dataSet().seed()));
        List<String> ids = new ArrayList<>();
        policies.all().forEach(p -> ids.add(p.policyId));
        return ids;
    }

    @Test
    void metadataListsTheStorageOfEveryPointBySignalType() {
        JsonNode data = metadata("EnOS_Wind_Turbine,EnOS_Meter", null);

        assertEquals(2, data.size());
        assertEquals("EnOS_Wind_Turbine", data.get(0).get("modelId").asText());
        JsonNode turbine = data.get(0).get("tsdb_metadata");
        for (PointDef point : ThingModels.WIND_TURBINE.points()) {
            List<String> types = new ArrayList<>();
            turbine.get(point.id()).forEach(t -> types.add(t.asText()));
            List<String> expected = switch (point.signalType()) {
                case "AI" -> List.of("AI_RAW", "AI_NORMALIZED");
                case "DI" -> List.of("DI");
                default -> List.of("PI");
            };
            assertEquals(expected, types, point.id());
        }
    }

    @Test
    void metadataCanBeLimitedToSomePoints() {
        JsonNode data = metadata("EnOS_Wind_Turbine,EnOS_Solar_Inverter", "WTG.Status,INV.TotalEnergy");

        assertEquals(List.of("WTG.Status"), fieldNames(data.get(0).get("tsdb_metadata")));
        assertEquals(List.of("INV.TotalEnergy"), fieldNames(data.get(1).get("tsdb_metadata")));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void metadataErrorsUseTsdbCodes() {
        SimClient.Answer missing = client().get("/tsdb-policy/v2.0/policies", Map.of());
        assertEquals(80400, missing.body().get("status").asInt());
        SimClient.Answer unknown = client().get("/tsdb-policy/v2.0/policies", Map.of("modelIds", "NoSuchModel"));
        assertEquals(80400, unknown.body().get("status").asInt());
        assertTrue(unknown.body().get("msg").asText().contains("NoSuchModel"));
        SimClient.Answer foreign = client().send("GET", "/tsdb-policy/v2.0/policies",
                Map.of("orgId", "o42", "modelIds", "EnOS_Meter"), null, true);
        assertEquals(80401, foreign.body().get("status").asInt());
    }

    @Test
    void getPolicyAnswersItsModelsAndPoints() {
        JsonNode normalized = policyOfType("NORMALIZED", "v2.0");

        assertEquals("AI Normalized Data", normalized.get("policyName").asText());
        assertEquals("6M", normalized.get("retention").asText());
        JsonNode meter = null;
        for (JsonNode m : normalized.get("models")) {
            if (m.get("modelId").asText().equals("EnOS_Meter")) {
                meter = m;
            }
        }
        assertEquals(List.of("METER.ActivePower", "METER.Frequency"),
                List.of(meter.get("points").get(0).asText(), meter.get("points").get(1).asText()));

        SimClient.Answer unknown = client().get("/tsdb-policy/v2.0/policies/nosuchpolicy", Map.of());
        assertEquals(80400, unknown.code());
    }

    @Test
    void savePolicyReplacesTheModelsPointsAndTheMetadataFollows() {
        JsonNode raw = policyOfType("RAW", "v2.0");
        String policyId = raw.get("policyId").asText();
        ObjectNode body = Json.object().put("retention", "2Y");
        body.putArray("models").addObject().put("modelId", "EnOS_Meter").putArray("points").add("METER.ActivePower");

        SimClient.Answer saved = client().post("/tsdb-policy/v2.0/policies/" + policyId, Map.of(), body);

        assertEquals(0, saved.code(), saved.body().toString());
        JsonNode meter = metadata("EnOS_Meter", null).get(0).get("tsdb_metadata");
        assertEquals("[\"AI_NORMALIZED\"]", meter.get("METER.Frequency").toString());
        assertEquals("[\"AI_RAW\",\"AI_NORMALIZED\"]", meter.get("METER.ActivePower").toString());
        assertEquals("2Y", client().get("/tsdb-policy/v2.0/policies/" + policyId, Map.of()).data()
                .get("retention").asText());
    }

    @Test
    void saveRefusesPointsOfTheWrongSignalTypeAndBadRetention() {
        String policyId = policyOfType("DI", "v2.0").get("policyId").asText();
        ObjectNode body = Json.object();
        body.putArray("models").addObject().put("modelId", "EnOS_Wind_Turbine").putArray("points")
                .add("WTG.GenActivePW");
        SimClient.Answer wrongType = client().post("/tsdb-policy/v2.0/policies/" + policyId, Map.of(), body);
        assertEquals(80400, wrongType.code());
        assertTrue(wrongType.body().get("msg").asText().contains("WTG.GenActivePW"));

        SimClient.Answer badRetention = client().post("/tsdb-policy/v2.0/policies/" + policyId, Map.of(),
                Json.object().put("retention", "forever").set("models", Json.array()));
        assertEquals(80400, badRetention.code());
        SimClient.Answer noModels = client().post("/tsdb-policy/v2.0/policies/" + policyId, Map.of(), Json.object());
        assertEquals(80400, noModels.code());
        assertTrue(noModels.body().get("msg").asText().contains("models"));
    }

    @Test
    void v21SavesAndAnswersPointSettings() {
        String policyId = policyOfType("GENERIC", "v2.1").get("policyId").asText();
        ObjectNode body = Json.object();
        ObjectNode point = body.putArray("models").addObject().put("modelId", "EnOS_Solar_Inverter")
                .putArray("points").addObject().put("pointId", "INV.Temperature");
        point.putObject("sdt").put("compdev", 1.1).put("compmax", 600).put("compmin", 1);

        SimClient.Answer saved = client().post("/tsdb-policy/v2.1/policies/" + policyId, Map.of(), body);
        assertEquals(0, saved.code(), saved.body().toString());

        JsonNode policy = client().get("/tsdb-policy/v2.1/policies/" + policyId, Map.of()).data();
        JsonNode stored = policy.get("models").get(0).get("points").get(0);
        assertEquals("INV.Temperature", stored.get("pointId").asText());
        assertEquals(600, stored.get("sdt").get("compmax").asInt());
        List<String> types = new ArrayList<>();
        metadata("EnOS_Solar_Inverter", "INV.Temperature").get(0).get("tsdb_metadata").get("INV.Temperature")
                .forEach(t -> types.add(t.asText()));
        assertTrue(types.contains("GENERIC"));
    }

    @Test
    void v21UnformattedPolicyDetailAndUpdate() {
        SimClient.Answer detail = client().get("/tsdb-policy/v2.1/policies/unformatted/detail", Map.of());
        assertEquals(0, detail.code(), detail.body().toString());
        assertEquals("UNFORMATTED", detail.data().get("policyType").asText());
        assertFalse(detail.data().has("models"));

        SimClient.Answer update = client().post("/tsdb-policy/v2.1/policies/unformatted/update", Map.of(),
                Json.object().put("retention", "90D"));
        assertEquals(0, update.code(), update.body().toString());
        assertEquals("90D", client().get("/tsdb-policy/v2.1/policies/unformatted/detail", Map.of()).data()
                .get("retention").asText());
        assertEquals(80400, client().post("/tsdb-policy/v2.1/policies/unformatted/update", Map.of(),
                Json.object()).code());
    }

    @Test
    void v21MetadataUsesTheCodeEnvelope() {
        SimClient.Answer answer = client().get("/tsdb-policy/v2.1/policies", Map.of("modelIds", "EnOS_Meter"));
        assertEquals(0, answer.body().get("code").asInt(), answer.body().toString());
        assertEquals("EnOS_Meter", answer.data().get(0).get("modelId").asText());
    }
}
