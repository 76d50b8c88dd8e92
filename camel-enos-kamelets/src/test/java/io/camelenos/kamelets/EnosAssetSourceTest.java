package io.camelenos.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.EnosSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** enos-asset-source run from a YAML route by Camel's Kamelet runtime, against the emulator. */
class EnosAssetSourceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SEARCH_PATH = "/asset-tree-service/v2.1/asset-nodes";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(50));

    @TempDir
    Path dir;

    @Test
    void sendsEveryAssetOnceAsJsonText() throws Exception {
        EnosSimulator sim = enos.simulator();
        int assets = sim.dataSet().assets().size();
        try (KameletRun run = start(false)) {
            List<Exchange> first = run.receive(assets);
            Set<String> ids = new HashSet<>();
            for (Exchange e : first) {
                String body = assertInstanceOf(String.class, e.getMessage().getBody(), "JSON text");
                JsonNode asset = MAPPER.readTree(body);
                ids.add(asset.path("assetId").asText());
                assertEquals(asset.path("assetId").asText(), e.getMessage().getHeader("CamelEnosRecordKey"));
            }
            Set<String> expected = new HashSet<>();
            sim.dataSet().assets().forEach(asset -> expected.add(asset.path("assetId").asText()));
            assertEquals(expected, ids, "every asset of the emulator, none twice");
        }
    }

    @Test
    void changesOnlySendsWhatChangedAndARestartSendsNothingOld() throws Exception {
        EnosSimulator sim = enos.simulator();
        int assets = sim.dataSet().assets().size();
        try (KameletRun run = start(true)) {
            List<Exchange> first = run.receive(assets);
            first.forEach(e -> assertEquals("CREATED", e.getMessage().getHeader("CamelEnosChangeType")));
            awaitPolls(run, sim, 3);
            assertEquals(List.of(), run.drain(), "nothing new: nothing sent");
        }

        String changed = sim.dataSet().assetId(3);
        Emulator.patchTags(sim, changed, "{\"region\": \"kamelet-north\"}");
        try (KameletRun run = start(true)) {
            Exchange update = run.receive(1).get(0);
            assertEquals("UPDATED", update.getMessage().getHeader("CamelEnosChangeType"));
            JsonNode asset = MAPPER.readTree(update.getMessage().getBody(String.class));
            assertEquals(changed, asset.path("assetId").asText());
            assertEquals("kamelet-north", asset.path("tags").path("region").asText());
            awaitPolls(run, sim, 3);
            assertEquals(List.of(), run.drain(), "after a restart on the same state: only the changed asset");
        }
    }

    private KameletRun start(boolean changesOnly) throws InterruptedException {
        return KameletRun.start(enos.simulator(), KameletRun.route("asset-source.camel.yaml"),
                Map.of("state.file", dir.resolve("assets.state").toString(), "changes-only", String.valueOf(changesOnly)));
    }

    /** Waits until the emulator has answered the searches of {@code polls} more polls (3 pages each). */
    private static void awaitPolls(KameletRun run, EnosSimulator sim, int polls) throws InterruptedException {
        long before = sim.requestLog().forPath(SEARCH_PATH).size();
        run.await(polls + " more polls", () -> sim.requestLog().forPath(SEARCH_PATH).size() >= before + 3L * polls);
    }
}
