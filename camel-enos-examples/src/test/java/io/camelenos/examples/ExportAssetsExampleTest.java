package io.camelenos.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.EnosSimulatorExtension;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example as its main() does, against the emulator, restarting it on the same state file. */
class ExportAssetsExampleTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(50));

    @TempDir
    Path dir;

    @Test
    void exportsEveryAssetOnceThenOnlyWhatChangedAcrossRestarts() throws Exception {
        EnosSimulator sim = enos.simulator();
        Path out = dir.resolve("out/assets.jsonl");

        runUntilCaughtUp();
        List<JsonNode> first = lines(out);
        Set<String> exported = new HashSet<>();
        first.forEach(line -> exported.add(line.path("assetId").asText()));
        assertEquals(sim.dataSet().assets().size(), first.size(), "one line per asset of the emulator");
        assertEquals(first.size(), exported.size(), "no asset twice");
        for (JsonNode line : first) {
            assertEquals("CREATED", line.path("change").asText(), line.toString());
            JsonNode asset = MAPPER.valueToTree(sim.dataSet().assets().get(line.path("assetId").asText()).orElseThrow());
            assertEquals(asset.path("name"), line.path("asset").path("name"));
            assertEquals(asset.path("modelId"), line.path("asset").path("modelId"));
        }

        // a change made through EnOS's API: the next run exports that asset only
        String changed = sim.dataSet().assetId(3);
        EnosCalls.request(sim, "enos:asset/update?isPatchUpdate=true",
                "{\"asset\": {\"assetId\": \"" + changed + "\", \"tags\": {\"region\": \"exported-north\"}}}", String.class);
        runUntilCaughtUp();
        List<JsonNode> second = lines(out);
        assertEquals(first.size() + 1, second.size(), "exactly one more line: " + second.subList(first.size(), second.size()));
        JsonNode update = second.get(second.size() - 1);
        assertEquals("UPDATED", update.path("change").asText());
        assertEquals(changed, update.path("assetId").asText());
        assertEquals("exported-north", update.path("asset").path("tags").path("region").asText());

        // a device deleted: a line marked DELETED
        String deleted = sim.dataSet().assetId(7);
        EnosCalls.request(sim, "enos:connection/deleteDevice?assetId=" + deleted, null, String.class);
        runUntilCaughtUp();
        List<JsonNode> third = lines(out);
        assertEquals(second.size() + 1, third.size(), "exactly one more line");
        assertEquals(MAPPER.readTree("{\"change\":\"DELETED\",\"assetId\":\"" + deleted + "\"}"), third.get(third.size() - 1));

        // nothing changed: a restart on the same state file writes nothing
        runUntilCaughtUp();
        assertEquals(third, lines(out));
    }

    /** One run of the example, until a poll finds nothing new; then stopped as Ctrl+C would. */
    private void runUntilCaughtUp() throws Exception {
        Main main = ExampleRun.connectedTo(ExportAssetsExample.createMain(), enos.simulator());
        main.addOverrideProperty("export-assets.output-dir", dir.resolve("out").toString());
        main.addOverrideProperty("export-assets.state-file", dir.resolve("state/export.dat").toString());
        main.addOverrideProperty("export-assets.page-size", "20"); // several pages for 50 assets
        main.addOverrideProperty("export-assets.delay", "100");
        try (ExampleRun run = ExampleRun.start(main)) {
            run.awaitIdlePolls(1, ExportAssetsRoutes.ROUTE_ID);
        }
    }

    private static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(MAPPER.readTree(line));
        }
        return lines;
    }
}
