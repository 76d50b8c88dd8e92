package io.camelenos.simulator.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.data.TimeSeries;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamingServiceTest {

    private static final String STATE = "/streaming/v2.0/stage-state";
    private static final String PIPELINE = "/streaming/v2.0/streaming/pipeline/";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(30));

    private SimClient client() {
        return new SimClient(enos.simulator());
    }

    private String asset(int index) {
        return enos.simulator().dataSet().assetId(index);
    }

    private static ObjectNode query(String pipeline, String stage, String assets, String points) {
        return Json.object().put("pipelineId", pipeline).put("stageInstanceName", stage).put("assetIds", assets)
                .put("pointIds", points);
    }

    private SimClient.Answer state(String action, ObjectNode body) {
        return client().post(STATE, Map.of("action", action), body);
    }

    @Test
    void stageStateHoldsTheLatestValuesOfTheDataSet() {
        SimClient.Answer answer = state("get", query("pl-wind-power", "Window_1", asset(1) + "," + asset(2),
                "WTG.WindSpeed,WTG.GenActivePW,INV.GenActivePW"));

        assertEquals(0, answer.code(), answer.body().toString());
        JsonNode items = answer.data().get("items");
        assertEquals(4, items.size(), "two turbines × their two points; inverter points do not apply");
        JsonNode first = items.get(0);
        assertEquals("EnOS_Wind_Turbine", first.get("modelId").asText());
        long time = first.get("time").asLong();
        long now = enos.simulator().clock().nowMillis();
        assertTrue(time <= now && now - time < 11 * 60_000, "the latest minute sample");
        double expected = new TimeSeries(enos.simulator().dataSet())
                .value(1, ThingModels.WIND_TURBINE.point(first.get("pointId").asText()), time);
        assertEquals(expected, first.get("value").asDouble(), 1e-9);
        assertTrue(first.get("attr").has("windowStart"));
    }

    @Test
    void missingParametersFailWith61102() {
        assertEquals(61102, state("get", query("pl-wind-power", "Window_1", asset(1), null)).code());
        assertEquals(61102, state("get", query("pl-wind-power", "NoSuchStage", asset(1), "WTG.WindSpeed")).code());
    }

    @Test
    void unknownPipelineFailsWith61106() {
        assertEquals(61106, state("get", query("pl-nope", "Window_1", asset(1), "WTG.WindSpeed")).code());
        assertEquals(61106, client().get(PIPELINE + "pl-nope", Map.of()).code());
    }

    @Test
    void statelessStageFailsWith61107() {
        assertEquals(61107, state("get", query("pl-wind-power", "Source_1", asset(1), "WTG.WindSpeed")).code());
    }

    @Test
    void tooManyPointsFailWith61105() {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            points.append("p").append(i).append(',');
        }
        StringBuilder assets = new StringBuilder();
        for (int i = 0; i < 251; i++) {
            assets.append("a").append(i).append(',');
        }
        assertEquals(61105, state("get", query("pl-wind-power", "Window_1", assets.toString(), points.toString())).code());
    }

    @Test
    void deletingStateNeedsAPausedPipelineAndLastsUntilTheNextSample() {
        ObjectNode q = query("pl-latest-values", "Latest_1", asset(26), "INV.Temperature");
        assertEquals(1, state("get", q).data().get("items").size());

        assertEquals(true, state("delete", q).data().asBoolean());
        assertEquals(0, state("get", q).data().get("items").size());

        enos.simulator().clock().advance(Duration.ofMinutes(6));
        assertEquals(1, state("get", q).data().get("items").size(), "a new sample rebuilds the state");

        assertEquals(61199, state("delete", query("pl-wind-power", "Window_1", asset(1), "WTG.WindSpeed")).code());
    }

    @Test
    void pipelinesAreListedPageByPage() {
        SimClient.Answer answer = client().get("/streaming/v2.0/streaming/pipelines", Map.of("pageNo", "1", "pageSize", "1"));

        assertEquals(0, answer.code(), answer.body().toString());
        assertEquals(1, answer.data().size());
        assertEquals(2, answer.body().get("pagination").get("totalSize").asInt());
        assertEquals(61102, client().get("/streaming/v2.0/streaming/pipelines", Map.of("pageNo", "0")).code());
    }

    @Test
    void pipelineDetailsNameItsStages() {
        JsonNode details = client().get(PIPELINE + "pl-wind-power", Map.of("ifReleased", "false")).data();

        assertEquals("RUNNING", details.get("status").asText());
        assertEquals("Window_1", details.get("stages").get(2).get("stageInstanceName").asText());
        assertTrue(details.get("stages").get(2).get("stateful").asBoolean());
    }

    @Test
    void pipelinesMoveThroughTheirStates() {
        String path = PIPELINE + "pl-wind-power";
        assertEquals(0, client().post(path, Map.of("action", "pause"), Json.object()).code());
        assertEquals("PAUSED", client().get(path, Map.of()).data().get("status").asText());
        assertEquals(61199, client().post(path, Map.of("action", "pause"), Json.object()).code());
        assertEquals(0, client().post(path, Map.of("action", "stop"), Json.object()).code());
        assertEquals(0, client().post(path, Map.of("action", "start"), Json.object()).code());
        assertEquals("RUNNING", client().get(path, Map.of()).data().get("status").asText());

        ObjectNode save = Json.object().put("name", "Wind power v2").put("pipelineJson", "{\"stages\":[]}").put("version", "1");
        assertEquals(0, client().post(path, Map.of("action", "save"), save).code());
        JsonNode saved = client().get(path, Map.of()).data();
        assertEquals("Wind power v2", saved.get("pipelineName").asText());
        assertEquals(false, saved.get("released").asBoolean());
        assertEquals(0, client().post(path, Map.of("action", "release"), Json.object()).code());
        assertEquals(2, client().get(path, Map.of()).data().get("version").asInt());
        assertEquals(61102, client().post(path, Map.of("action", "save"), Json.object()).code());
    }

    @Test
    void offsetLagGrowsWhilePausedAndResetsToZero() {
        String path = PIPELINE + "pl-latest-values";
        enos.simulator().clock().advance(Duration.ofSeconds(30));
        JsonNode lag = client().get(path + "/offset-lag", Map.of()).data();
        assertTrue(lag.get("totalLag").asLong() > 0);
        assertEquals(3, lag.get("partitions").size());

        assertEquals(0, client().post(path + "/offset", Map.of(), Json.object()).code());
        assertEquals(0, client().get(path + "/offset-lag", Map.of()).data().get("totalLag").asLong());
    }

    @Test
    void aMalformedAuthorizationHeaderIsRefusedAndABearerAccepted() {
        ObjectNode q = query("pl-wind-power", "Window_1", asset(1), "WTG.WindSpeed");
        Map<String, String> query = client().orgQuery(Map.of("action", "get"));
        SimClient.Answer bad = client().send("POST", STATE, query, q, true, Map.of("Authorization", "Basic x"));
        assertEquals(401, bad.status());

        SimClient.Answer good = client().send("POST", STATE, query, q, true, Map.of("Authorization", "Bearer abc"));
        assertEquals(0, good.code(), good.body().toString());
    }
}
