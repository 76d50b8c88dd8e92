package io.camelenos.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.EnosSimulatorExtension;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example as its main() does, against the emulator, on a CSV with good and bad rows. */
class BulkAssetUpdateExampleTest {

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(50));

    @TempDir
    Path dir;

    @Test
    void everyGoodRowIsAppliedAndEveryBadRowReportedWithoutStopping() throws Exception {
        EnosSimulator sim = enos.simulator();
        // asset 0 of each block of 25 is a site; 1..23 are wind turbines or inverters (both have ratedPower)
        String first = sim.dataSet().assetId(1);
        String second = sim.dataSet().assetId(2);
        String third = sim.dataSet().assetId(3);
        String unchangedPower = asset(second).path("attributes").path("ratedPower").toString();
        Path in = Files.createDirectories(dir.resolve("in"));
        Path csv = dir.resolve("assets.csv");
        Files.writeString(csv, String.join("\n",
                "assetId,attributes.ratedPower,attributes.manufacturer,tags.region",
                first + ",2600.5,ACME,north",
                second + ",lots,,south",
                "no-such-asset,,,west",
                ",1,,",
                third + ",,\"Vestas, Denmark\",east",
                ""));
        // move it in whole, so the file consumer never sees half a file
        Files.move(csv, in.resolve("assets.csv"), StandardCopyOption.ATOMIC_MOVE);

        Main main = BulkAssetUpdateExample.createMain();
        main.addOverrideProperty("camel.component.enos.gateway-url", sim.baseUrl());
        main.addOverrideProperty("camel.component.enos.org-id", sim.orgId());
        main.addOverrideProperty("camel.component.enos.app-key", sim.appKey());
        main.addOverrideProperty("camel.component.enos.app-secret", sim.appSecret());
        main.addOverrideProperty("bulk-update.input-dir", in.toString());
        main.addOverrideProperty("bulk-update.report-dir", dir.resolve("reports").toString());
        main.configure().withDurationMaxMessages(1);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> main.run());

        List<String> report = Files.readAllLines(dir.resolve("reports/assets-report.csv"));
        assertEquals(6, report.size(), "header and one line per row: " + report);
        assertEquals("line,assetId,result,requestId,code,message", report.get(0));
        assertTrue(report.get(1).startsWith("2," + first + ",updated,"), report.get(1));
        assertTrue(report.get(2).startsWith("3," + second + ",failed,"), report.get(2));
        assertTrue(report.get(2).contains(",12958,"), report.get(2));
        assertTrue(report.get(3).startsWith("4,no-such-asset,failed,"), report.get(3));
        assertTrue(report.get(3).contains(",99404,"), report.get(3));
        assertTrue(report.get(4).startsWith("5,,failed,,,assetId is empty"), report.get(4));
        assertTrue(report.get(5).startsWith("6," + third + ",updated,"), report.get(5));

        assertEquals(2600.5, asset(first).path("attributes").path("ratedPower").asDouble(), 0.0);
        assertEquals("ACME", asset(first).path("attributes").path("manufacturer").asText());
        assertEquals("north", asset(first).path("tags").path("region").asText());
        assertEquals(unchangedPower, asset(second).path("attributes").path("ratedPower").toString());
        assertEquals("Vestas, Denmark", asset(third).path("attributes").path("manufacturer").asText());
        assertEquals("east", asset(third).path("tags").path("region").asText());

        assertTrue(Files.exists(in.resolve(".done/assets.csv")), "the file moves to .done once read");
        assertFalse(Files.exists(in.resolve("assets.csv")));
    }

    private static ObjectNode asset(String assetId) {
        return enos.simulator().dataSet().assets().get(assetId).orElseThrow();
    }
}
