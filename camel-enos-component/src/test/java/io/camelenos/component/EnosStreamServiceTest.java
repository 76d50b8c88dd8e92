package io.camelenos.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.data.PointDef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stream processing service of the emulator: stage state of the data set's points, and the pipelines. */
class EnosStreamServiceTest extends EnosServiceTestSupport {

    static final String SERVICE = "stream";
    /** Seeded: pl-wind-power is RUNNING with a Window_1 stage, pl-latest-values PAUSED with a Latest_1 stage. */
    static final String WIND = "pipelineId=pl-wind-power";
    static final String LATEST = "pipelineId=pl-latest-values";

    @BeforeAll
    static void stopTheClock() {
        sim.clock().fixAt(Instant.parse("2024-03-01T12:00:00Z"));
    }

    private JsonNode stream(String operation, String options, Object body) {
        return json(SERVICE, operation, options, body);
    }

    private String status(String pipeline) {
        return stream("getPipeline", pipeline, null).path("status").asText();
    }

    @Test
    void everyEndpointAnswers() {
        assertEquals(2, stream("listPipelines", "", null).size());
        JsonNode wind = stream("getPipeline", WIND, null);
        assertEquals(List.of("Source_1", "PointSelector_1", "Window_1", "Sink_1"),
                wind.path("stages").findValuesAsText("stageInstanceName"));

        String pairs = "&assetIds=" + sim.dataSet().assetId(2) + "&pointIds=" + point(2).id();
        assertEquals(1, stream("getStageState", LATEST + "&stageInstanceName=Latest_1" + pairs, null).path("items").size());
        stream("deleteStageState", LATEST + "&stageInstanceName=Latest_1" + pairs, null);
        assertEquals(0, stream("getStageState", LATEST + "&stageInstanceName=Latest_1" + pairs, null).path("items").size());

        stream("pausePipeline", WIND, null);
        assertEquals("PAUSED", status(WIND));
        stream("stopPipeline", WIND, null);
        assertEquals("STOPPED", status(WIND));
        stream("startPipeline", WIND, null);
        assertEquals("RUNNING", status(WIND));

        int version = wind.path("version").asInt();
        stream("releasePipeline", LATEST, null);
        JsonNode released = stream("getPipeline", LATEST, null);
        assertEquals(version + 1, released.path("version").asInt());
        assertTrue(released.path("released").asBoolean());
        stream("savePipeline", LATEST, Map.of("name", "Latest values (camel)", "pipelineJson", "{}"));
        JsonNode saved = stream("getPipeline", LATEST, null);
        assertEquals("Latest values (camel)", saved.path("pipelineName").asText());
        assertFalse(saved.path("released").asBoolean(), "a save unreleases");

        JsonNode lag = stream("getOffsetLag", LATEST, null);
        assertEquals(3, lag.path("partitions").size());
        assertTrue(lag.path("totalLag").asLong() > 0, "a paused pipeline lags: " + lag);
        stream("resetOffset", LATEST, null);
        assertEquals(0, stream("getOffsetLag", LATEST, null).path("totalLag").asLong());
        assertEveryOperationCalled(SERVICE, name -> true);
    }

    @Test
    void stageStateHoldsTheLatestSampleOfEachAssetWhoseModelHasThePoint() {
        PointDef point = point(1);
        List<String> assets = IntStream.range(0, 12).mapToObj(sim.dataSet()::assetId).toList();
        long expected = IntStream.range(0, 12).filter(i -> sim.dataSet().modelOf(i).point(point.id()) != null).count();

        JsonNode items = stream("getStageState", WIND + "&stageInstanceName=Window_1&pointIds=" + point.id(),
                Map.of("assetIds", String.join(",", assets))).path("items");

        assertEquals(expected, items.size());
        for (JsonNode item : items) {
            long time = item.path("time").asLong();
            assertTrue(time <= sim.clock().nowMillis() && time > sim.clock().nowMillis() - 10L * point.intervalSeconds() * 1000);
            assertEquals(600_000L, item.path("attr").path("windowSize").asLong());
            assertEquals(rawValue(item.path("assetId").asText(), point.id(), time), item.path("value"), item.toString());
        }
    }

    @Test
    void listPipelinesPagesByQueryParameters() {
        List<String> ids = new ArrayList<>();
        Iterator<?> records = template.requestBody("enos:stream/listPipelines?pageSize=1&fetchAll=true", null,
                Iterator.class);
        records.forEachRemaining(r -> ids.add(((JsonNode) r).path("pipelineId").asText()));

        assertEquals(List.of("pl-wind-power", "pl-latest-values"), ids);
        List<String> queries = requestsTo("/streaming/v2.0/streaming/pipelines").stream().map(e -> e.query()).toList();
        assertEquals(2, queries.size(), "the total says when to stop: " + queries);
        assertTrue(queries.get(0).contains("pageNo=1") && queries.get(1).contains("pageNo=2"), queries.toString());
    }

    @Test
    void documentedErrorsSurfaceWithTheirCode() {
        String pair = "&assetIds=" + sim.dataSet().assetId(1) + "&pointIds=" + point(1).id();
        assertEquals(61102, failure(SERVICE, "getStageState", WIND + pair, null).getCode());
        assertEquals(61102, failure(SERVICE, "getStageState", WIND + "&stageInstanceName=Nope" + pair, null).getCode());
        String many = IntStream.range(0, 400).mapToObj(i -> "x" + i).collect(Collectors.joining(","));
        assertEquals(61105, failure(SERVICE, "getStageState", WIND + "&stageInstanceName=Window_1",
                Map.of("assetIds", many, "pointIds", many)).getCode());
        assertEquals(61106, failure(SERVICE, "getPipeline", "pipelineId=pl-nope", null).getCode());
        assertEquals(61106, failure(SERVICE, "getStageState", "pipelineId=pl-nope&stageInstanceName=Window_1" + pair,
                null).getCode());
        assertEquals(61107, failure(SERVICE, "getStageState", WIND + "&stageInstanceName=Source_1" + pair, null)
                .getCode());
        assertEquals(61199, failure(SERVICE, "deleteStageState", WIND + "&stageInstanceName=Window_1" + pair, null)
                .getCode());
        assertEquals(61199, failure(SERVICE, "pausePipeline", LATEST, null).getCode());
    }

    /** An AI point of the model of the asset at this index. */
    private static PointDef point(int index) {
        return sim.dataSet().modelOf(index).points().stream().filter(p -> p.signalType().equals("AI")).findFirst()
                .orElseThrow();
    }

    /** The value TSDB holds for the point at that instant. */
    private JsonNode rawValue(String assetId, String pointId, long time) {
        String at = Instant.ofEpochMilli(time).toString();
        JsonNode items = template.requestBody("enos:tsdb/raw?assetIds=" + assetId + "&pointIds=" + pointId
                                              + "&startTime=" + at + "&endTime=" + at, null, JsonNode.class).path("items");
        assertEquals(1, items.size(), "one sample at " + at);
        return items.get(0).path(pointId);
    }
}
