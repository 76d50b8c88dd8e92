package io.camelenos.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.EnosSimulatorExtension;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** yaml/bulk-update.camel.yaml run by camel-main: what it changes is read from the emulator, what it reports from the file. */
class BulkUpdateYamlTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(50));

    @TempDir
    Path dir;

    @Test
    void patchesEachLinesAssetAndReportsEveryLineWhateverFails() throws Exception {
        EnosSimulator sim = enos.simulator();
        String good = sim.dataSet().assetId(1);
        String wrongType = sim.dataSet().assetId(2);
        String nameBefore = sim.dataSet().assets().get(good).orElseThrow().path("name").toString();
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("batch.jsonl"), String.join("\n",
                "{\"assetId\": \"" + good + "\", \"tags\": {\"region\": \"yaml-bulk\"}, \"attributes\": {\"ratedPower\": 2600.5}}",
                "{\"assetId\": \"" + wrongType + "\", \"attributes\": {\"ratedPower\": \"lots\"}}",
                "{\"tags\": {\"region\": \"nowhere\"}}",
                "not json",
                "") + "\n");

        Main main = YamlExample.main("bulk-update.camel.yaml", sim);
        main.addOverrideProperty("yaml-bulk.input-dir", in.toString());
        main.addOverrideProperty("yaml-bulk.report-dir", dir.resolve("reports").toString());
        Path done = in.resolve(".done/batch.jsonl");
        try (ExampleRun run = ExampleRun.start(main)) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!Files.exists(done) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertTrue(Files.exists(done), "the file moved to .done");

        JsonNode asset = sim.dataSet().assets().get(good).orElseThrow();
        assertEquals("yaml-bulk", asset.path("tags").path("region").asText());
        assertEquals(2600.5, asset.path("attributes").path("ratedPower").asDouble());
        assertEquals(nameBefore, asset.path("name").toString(), "a patch keeps what the line does not give");

        List<JsonNode> report = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("reports/batch-report.jsonl"))) {
            report.add(MAPPER.readTree(line));
        }
        assertEquals(4, report.size(), "one report line per line of input: " + report);
        assertEquals(1, report.get(0).path("line").asInt());
        assertEquals(good, report.get(0).path("assetId").asText());
        assertEquals("OK", report.get(0).path("result").asText());
        assertTrue(report.get(0).path("requestId").isTextual());
        assertEquals(wrongType, report.get(1).path("assetId").asText());
        assertEquals("FAILED", report.get(1).path("result").asText());
        assertTrue(report.get(1).path("error").asText().contains("code: 12958"), report.get(1).toString());
        assertEquals("FAILED", report.get(2).path("result").asText());
        assertTrue(report.get(2).path("error").asText().contains("a line needs an assetId string"), report.get(2).toString());
        assertEquals(4, report.get(3).path("line").asInt());
        assertEquals("FAILED", report.get(3).path("result").asText());
    }
}
