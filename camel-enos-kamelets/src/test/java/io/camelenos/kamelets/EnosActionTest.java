package io.camelenos.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.EnosSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** enos-action run from a YAML route by Camel's Kamelet runtime, against the emulator. */
class EnosActionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(25));

    @Test
    void callsTheOperationAndAnswersItsDataAsJsonText() throws Exception {
        EnosSimulator sim = enos.simulator();
        String assetId = sim.dataSet().assetId(1);
        try (KameletRun run = start("asset", "getAsset")) {
            Object reply = run.context().createProducerTemplate()
                    .requestBodyAndHeader("direct:action", null, "CamelEnosAssetId", assetId);
            JsonNode asset = MAPPER.readTree(assertInstanceOf(String.class, reply, "JSON text"));
            JsonNode expected = sim.dataSet().assets().get(assetId).orElseThrow();
            assertEquals(assetId, asset.path("assetId").asText());
            assertEquals(expected.path("name"), asset.path("name"));
            assertEquals(expected.path("modelId"), asset.path("modelId"));
        }
    }

    @Test
    void sendsTheJsonBodyAsTheRequestBody() throws Exception {
        EnosSimulator sim = enos.simulator();
        String assetId = sim.dataSet().assetId(6);
        try (KameletRun run = start("asset", "updateAsset")) {
            run.context().createProducerTemplate().requestBodyAndHeader("direct:action",
                    "{\"asset\": {\"assetId\": \"" + assetId + "\", \"tags\": {\"site\": \"by-action\"}}}",
                    "CamelEnosIsPatchUpdate", true);
        }
        assertEquals("by-action", sim.dataSet().assets().get(assetId).orElseThrow().path("tags").path("site").asText());
    }

    @Test
    void anEnosErrorFailsTheExchangeWithTheCode() throws Exception {
        try (KameletRun run = start("asset", "getAsset")) {
            Exception failed = assertThrows(CamelExecutionException.class, () -> run.context().createProducerTemplate()
                    .requestBodyAndHeader("direct:action", null, "CamelEnosAssetId", "no-such-asset"));
            String message = EnosAssetUpdateSinkTest.rootMessage(failed);
            assertTrue(message.contains("code: 99404"), message);
        }
    }

    private static KameletRun start(String service, String operation) throws InterruptedException {
        return KameletRun.start(enos.simulator(), KameletRun.route("action.camel.yaml"),
                Map.of("action.service", service, "action.operation", operation));
    }
}
