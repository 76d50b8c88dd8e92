package io.camelenos.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssetServiceTest {

    private static final String ASSETS = "/asset-service/v2.1/assets";
    private static final String LOGICAL = "/asset-service/v2.1/logical-assets";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(60));

    private SimClient client() {
        return new SimClient(enos.simulator());
    }

    private JsonNode get(String assetId) {
        SimClient.Answer answer = client().get(ASSETS, Map.of("action", "get", "assetId", assetId));
        assertEquals(0, answer.code(), answer.body().toString());
        return answer.data();
    }

    @Test
    void getAnswersTheAssetOfTheDataSet() {
        String turbine = enos.simulator().dataSet().assetId(1);

        JsonNode asset = get(turbine);

        assertEquals(turbine, asset.get("assetId").asText());
        assertEquals("EnOS_Wind_Turbine", asset.get("modelId").asText());
        assertEquals("/EnOS_Wind_Turbine", asset.get("modelIdPath").asText());
        assertEquals(enos.simulator().orgId(), asset.get("orgId").asText());
        assertTrue(asset.get("name").get("i18nValue").has("zh_CN"));
        assertTrue(asset.get("attributes").get("ratedPower").isNumber());
        assertEquals("S0001", asset.get("tags").get("site").asText());
    }

    @Test
    void patchUpdateMergesAttributesAndReplacesTags() {
        String turbine = enos.simulator().dataSet().assetId(2);
        double hub = get(turbine).get("attributes").get("hubHeight").asDouble();
        ObjectNode change = Json.object();
        change.putObject("asset").put("assetId", turbine).put("description", "repowered")
                .<ObjectNode>set("attributes", Json.object().put("ratedPower", 4200))
                .set("tags", Json.object().put("campaign", "2026"));

        SimClient.Answer answer = client().post(ASSETS, Map.of("action", "update"), change);

        assertEquals(0, answer.code(), answer.body().toString());
        JsonNode after = get(turbine);
        assertEquals(4200, after.get("attributes").get("ratedPower").asInt());
        assertEquals(hub, after.get("attributes").get("hubHeight").asDouble());
        assertEquals("repowered", after.get("description").asText());
        assertEquals(1, after.get("tags").size());
        assertEquals("2026", after.get("tags").get("campaign").asText());
    }

    @Test
    void replaceUpdateClearsWhatIsNotGiven() {
        String turbine = enos.simulator().dataSet().assetId(4);
        ObjectNode change = Json.object();
        change.putObject("asset").put("assetId", turbine)
                .set("attributes", Json.object().put("ratedPower", 3000));

        SimClient.Answer answer = client().post(ASSETS, Map.of("action", "update", "isPatchUpdate", "false"), change);

        assertEquals(0, answer.code(), answer.body().toString());
        JsonNode after = get(turbine);
        assertEquals(1, after.get("attributes").size());
        assertEquals(0, after.get("tags").size());
    }

    @Test
    void anAttributeOfTheWrongTypeFailsWith12958() {
        ObjectNode change = Json.object();
        change.putObject("asset").put("assetId", enos.simulator().dataSet().assetId(5))
                .set("attributes", Json.object().put("ratedPower", "a lot"));

        SimClient.Answer answer = client().post(ASSETS, Map.of("action", "update"), change);

        assertEquals(12958, answer.code());
        assertTrue(answer.body().get("msg").asText().contains("ratedPower"));
    }

    @Test
    void anAttributeTheModelLacksFailsWith12958() {
        ObjectNode change = Json.object();
        change.putObject("asset").put("assetId", enos.simulator().dataSet().assetId(5))
                .set("attributes", Json.object().put("colour", "red"));

        assertEquals(12958, client().post(ASSETS, Map.of("action", "update"), change).code());
    }

    @Test
    void updatingAnUnknownAssetIs99404AndWithoutAssetIs99400() {
        ObjectNode unknown = Json.object();
        unknown.putObject("asset").put("assetId", "zz00000000");
        assertEquals(99404, client().post(ASSETS, Map.of("action", "update"), unknown).code());
        assertEquals(99400, client().post(ASSETS, Map.of("action", "update"), Json.object()).code());
    }

    @Test
    void logicalAssetsCanBeCreatedUpdatedAndDeleted() {
        ObjectNode create = Json.object();
        create.putObject("assetInstance").put("modelId", "EnOS_Solar_Site").put("name", "Rooftop array")
                .put("timezone", "+08:00").set("attributes", Json.object().put("capacity", 1.5));

        SimClient.Answer created = client().post(LOGICAL, Map.of("action", "create"), create);

        assertEquals(0, created.code(), created.body().toString());
        String id = created.data().asText();
        assertEquals("Rooftop array", get(id).get("name").get("defaultValue").asText());

        ObjectNode update = Json.object();
        update.putObject("assetUpdateVo").put("assetId", id).put("name", "Rooftop array 2");
        assertEquals(0, client().post(LOGICAL, Map.of("action", "update"), update).code());
        assertEquals("Rooftop array 2", get(id).get("name").get("defaultValue").asText());

        assertEquals(0, client().post(LOGICAL, Map.of("action", "delete"), Map.of("assetId", id)).code());
        assertEquals(99404, client().get(ASSETS, Map.of("action", "get", "assetId", id)).code());
        assertFalse(enos.simulator().dataSet().assets().exists(id));
    }

    @Test
    void creatingALogicalAssetNeedsModelNameAndTimezone() {
        ObjectNode noTimezone = Json.object();
        noTimezone.putObject("assetInstance").put("modelId", "EnOS_Solar_Site").put("name", "x");
        SimClient.Answer answer = client().post(LOGICAL, Map.of("action", "create"), noTimezone);
        assertEquals(99400, answer.code());
        assertTrue(answer.body().get("msg").asText().contains("timezone"));

        ObjectNode badModel = Json.object();
        badModel.putObject("assetInstance").put("modelId", "Nope").put("name", "x").put("timezone", "UTC");
        assertEquals(99400, client().post(LOGICAL, Map.of("action", "create"), badModel).code());
    }

    @Test
    void aDeviceIsNotALogicalAsset() {
        SimClient.Answer answer = client().post(LOGICAL, Map.of("action", "delete"),
                Map.of("assetId", enos.simulator().dataSet().assetId(7)));

        assertEquals(99400, answer.code());
    }
}
