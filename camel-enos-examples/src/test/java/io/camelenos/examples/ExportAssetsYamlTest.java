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

/** yaml/export-assets.camel.yaml run by camel-main against the emulator, restarted on the same state file. */
class ExportAssetsYamlTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ROUTE_ID = "yaml-export-assets";

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
        for (JsonNode line : first) {
            assertEquals("CREATED", line.path("change").asText(), line.toString());
            String id = line.path("assetId").asText();
            exported.add(id);
            JsonNode asset = sim.dataSet().assets().get(id).orElseThrow();
            assertEquals(asset.path("name"), line.path("asset").path("name"));
            assertEquals(id, line.path("asset").path("assetId").asText());
        }
        assertEquals(sim.dataSet().assets().size(), first.size(), "one line per asset of the emulator");
        assertEquals(first.size(), exported.size(), "no asset twice");

        String changed = sim.dataSet().assetId(3);
        EnosCalls.request(sim, "enos:asset/update?isPatchUpdate=true",
                "{\"asset\": {\"assetId\": \"" + changed + "\", \"tags\": {\"region\": \"yaml-north\"}}}", String.class);
        String deleted = sim.dataSet().assetId(7);
        EnosCalls.request(sim, "enos:connection/deleteDevice?assetId=" + deleted, null, String.class);
        runUntilCaughtUp();
        List<JsonNode> second = lines(out);
        List<JsonNode> added = second.subList(first.size(), second.size());
        assertEquals(2, added.size(), "exactly two more lines: " + added);
        JsonNode update = added.stream().filter(l -> l.path("change").asText().equals("UPDATED")).findFirst().orElseThrow();
        assertEquals(changed, update.path("assetId").asText());
        assertEquals("yaml-north", update.path("asset").path("tags").path("region").asText());
        assertEquals(MAPPER.readTree("{\"change\":\"DELETED\",\"assetId\":\"" + deleted + "\"}"),
                added.stream().filter(l -> l.path("change").asText().equals("DELETED")).findFirst().orElseThrow());

        runUntilCaughtUp();
        assertEquals(second, lines(out), "nothing changed: a restart writes nothing");
    }

    private void runUntilCaughtUp() throws Exception {
        Main main = YamlExample.main("export-assets.camel.yaml", enos.simulator());
        main.addOverrideProperty("yaml-export.output-dir", dir.resolve("out").toString());
        main.addOverrideProperty("yaml-export.state-file", dir.resolve("state/export.dat").toString());
        main.addOverrideProperty("yaml-export.page-size", "20");
        main.addOverrideProperty("yaml-export.delay", "100");
        try (ExampleRun run = ExampleRun.start(main)) {
            run.awaitIdlePolls(1, ROUTE_ID);
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
