package io.camelenos.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.EnosSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the Kamelets take their properties: required ones, text that a URI would mangle, and the secrets. */
class KameletPropertiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CANARY_KEY = "canary-key-7Qx2";
    private static final String CANARY_SECRET = "canary-secret-9Zp4";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(
            b -> b.assets(50).appKey(CANARY_KEY).appSecret(CANARY_SECRET));

    @Test
    void aMissingRequiredPropertyFailsWithCamelsMessageNamingIt() throws Exception {
        Throwable failure = KameletRun.failureToStart(enos.simulator(), KameletRun.route("telemetry-no-points.camel.yaml"),
                Map.of());
        String messages = messages(failure);
        assertTrue(messages.contains("pointIds"), messages);
        assertTrue(messages.contains("enos-telemetry-source"), messages);
    }

    @Test
    void expressionsReachEnosAsWrittenAndNoSecretIsLogged() throws Exception {
        EnosSimulator sim = enos.simulator();
        // '%' and '+' would be decoded on the way through an endpoint URI if the Kamelet did not pass them RAW
        String expression = "modelId like 'EnOS_Wind%' or name like '+'";
        Set<String> expected = new HashSet<>();
        sim.dataSet().assets().forEach(a -> {
            if (a.path("modelId").asText().startsWith("EnOS_Wind")) {
                expected.add(a.path("assetId").asText());
            }
        });
        assertFalse(expected.isEmpty());
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (KameletRun run = KameletRun.start(sim, KameletRun.route("asset-source-logged.camel.yaml"), Map.of(
                "expression", expression,
                // what a user sets to have camel-main mask the Kamelets' credentials in its start-up summary
                "camel.main.additional-sensitive-keywords", "appKey,appSecret,app-key,app-secret"))) {
            Set<String> ids = new HashSet<>();
            for (Exchange e : run.receive(expected.size())) {
                ids.add(MAPPER.readTree(e.getMessage().getBody(String.class)).path("assetId").asText());
            }
            assertEquals(expected, ids, "the assets the expression selects");
        } finally {
            System.setErr(original);
            original.print(log.toString(StandardCharsets.UTF_8));
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("enos-asset-source"), "the log was captured");
        assertFalse(text.contains(CANARY_SECRET), "the app secret is logged");
        assertFalse(text.contains(CANARY_KEY), "the app key is logged");
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
