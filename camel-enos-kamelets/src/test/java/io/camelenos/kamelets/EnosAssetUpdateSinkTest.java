package io.camelenos.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.EnosApiException;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.EnosSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** enos-asset-update-sink run from a YAML route by Camel's Kamelet runtime; what it changes is read from the emulator. */
class EnosAssetUpdateSinkTest {

    private static final String ROUTE = "asset-update-sink.camel.yaml";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(25));

    @Test
    void patchesTheAssetOfTheHeaderAndKeepsItsOtherFields() throws Exception {
        EnosSimulator sim = enos.simulator();
        String assetId = sim.dataSet().assetId(2);
        JsonNode before = asset(sim, assetId);
        try (KameletRun run = KameletRun.start(sim, KameletRun.route(ROUTE), Map.of())) {
            producer(run).sendBodyAndHeader("direct:update", "{\"tags\": {\"site\": \"from-kamelet\"}}",
                    "CamelEnosAssetId", assetId);
        }
        JsonNode after = asset(sim, assetId);
        assertEquals("from-kamelet", after.path("tags").path("site").asText());
        assertEquals(before.path("name"), after.path("name"), "a patch keeps the fields the body does not give");
        assertEquals(before.path("modelId"), after.path("modelId"));
    }

    @Test
    void takesTheAssetFromThePropertyOrElseFromTheBody() throws Exception {
        EnosSimulator sim = enos.simulator();
        String byProperty = sim.dataSet().assetId(3);
        String byBody = sim.dataSet().assetId(4);
        try (KameletRun run = KameletRun.start(sim, KameletRun.route(ROUTE), Map.of("sink.asset-id", byProperty))) {
            producer(run).sendBody("direct:update", "{\"tags\": {\"site\": \"by-property\"}}");
        }
        try (KameletRun run = KameletRun.start(sim, KameletRun.route(ROUTE), Map.of())) {
            producer(run).sendBody("direct:update", "{\"assetId\": \"" + byBody + "\", \"tags\": {\"site\": \"by-body\"}}");
        }
        assertEquals("by-property", asset(sim, byProperty).path("tags").path("site").asText());
        assertEquals("by-body", asset(sim, byBody).path("tags").path("site").asText());
    }

    @Test
    void aMessageWithoutAssetIdOrWithANonObjectBodyFailsSayingSo() throws Exception {
        EnosSimulator sim = enos.simulator();
        try (KameletRun run = KameletRun.start(sim, KameletRun.route(ROUTE), Map.of())) {
            Exception noId = assertThrows(CamelExecutionException.class,
                    () -> producer(run).sendBody("direct:update", "{\"tags\": {\"site\": \"nowhere\"}}"));
            assertTrue(rootMessage(noId).contains("no asset id: set the header CamelEnosAssetId, the property assetId"),
                    rootMessage(noId));
            Exception array = assertThrows(CamelExecutionException.class,
                    () -> producer(run).sendBodyAndHeader("direct:update", "[1, 2]", "CamelEnosAssetId", "a1"));
            assertTrue(rootMessage(array).contains("the body must be a JSON object, was array"), rootMessage(array));
        }
    }

    @Test
    void aHeaderIsSentAsTheAssetIdOnlyNeverAsJsonOfItsOwn() throws Exception {
        EnosSimulator sim = enos.simulator();
        String victim = sim.dataSet().assetId(5);
        JsonNode before = asset(sim, victim);
        String injected = victim + "\", \"name\": {\"defaultValue\": \"injected\"}, \"x\": \"";
        try (KameletRun run = KameletRun.start(sim, KameletRun.route(ROUTE), Map.of())) {
            Exception refused = assertThrows(CamelExecutionException.class,
                    () -> producer(run).sendBodyAndHeader("direct:update", "{\"tags\": {}}", "CamelEnosAssetId", injected));
            EnosApiException api = assertInstanceOfCause(refused);
            assertEquals(99404, api.getCode(), api.getMessage());
        }
        assertEquals(before, asset(sim, victim), "the asset named at the start of the header is untouched");
    }

    private static ProducerTemplate producer(KameletRun run) {
        return run.context().createProducerTemplate();
    }

    private static JsonNode asset(EnosSimulator sim, String assetId) {
        return sim.dataSet().assets().get(assetId).orElseThrow().deepCopy();
    }

    private static EnosApiException assertInstanceOfCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EnosApiException api) {
                return api;
            }
        }
        throw new AssertionError("no EnosApiException in", e);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
