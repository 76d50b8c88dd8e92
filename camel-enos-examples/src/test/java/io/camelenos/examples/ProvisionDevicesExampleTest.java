package io.camelenos.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.RequestLog;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example as its main() does, against the emulator: products found or created, devices, credentials. */
class ProvisionDevicesExampleTest {

    private static final String PRODUCTS = "/connect-service/v2.1/products";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(50));

    @TempDir
    Path dir;

    @Test
    void createsTheProductOnceTheDevicesAndWritesCredentialsOnlyToTheirFile() throws Exception {
        String log = run("batch1.csv", String.join("\n",
                "productName,modelId,deviceKey,deviceName,timezone,tags.site",
                "Demo Meters,EnOS_Meter,meter-001,Meter 1,+08:00,north",
                "Demo Meters,EnOS_Meter,meter-002,Meter 2,Europe/Berlin,north",
                "Demo Meters,EnOS_Meter,meter-001,Meter 1 again,+08:00,north",
                "Ghost Things,NoSuchModel,ghost-1,Ghost,+08:00,",
                "Demo Meters,EnOS_Meter,meter-003,,+08:00,north",
                ""));

        List<String> credentials = Files.readAllLines(dir.resolve("out/batch1-credentials.csv"));
        assertEquals(3, credentials.size(), "header and two devices: " + credentials);
        assertEquals("productKey,deviceKey,assetId,deviceSecret", credentials.get(0));
        for (String line : credentials.subList(1, 3)) {
            String[] fields = line.split(",");
            assertEquals(4, fields.length, line);
            ObjectNode asset = enos.simulator().dataSet().assets().get(fields[2]).orElseThrow();
            assertEquals(fields[0], asset.path("productKey").asText());
            assertEquals(fields[1], asset.path("deviceKey").asText());
            assertFalse(fields[3].isBlank(), "device secret");
            assertFalse(log.contains(fields[3]), "a device secret reached the log");
        }
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(dir.resolve("out/batch1-credentials.csv")));

        List<String> report = Files.readAllLines(dir.resolve("out/batch1-report.csv"));
        assertEquals(6, report.size(), "header and one line per row: " + report);
        assertTrue(report.get(1).startsWith("2,meter-001,created,"), report.get(1));
        assertTrue(report.get(2).startsWith("3,meter-002,created,"), report.get(2));
        assertTrue(report.get(3).startsWith("4,meter-001,failed,,11702,"), report.get(3));
        assertTrue(report.get(4).startsWith("5,ghost-1,failed,,11699,"), report.get(4));
        assertTrue(report.get(5).startsWith("6,meter-003,failed,,,deviceName is empty"), report.get(5));
        assertEquals(1, creates(), "Demo Meters created once; Ghost Things refused");
        assertEquals(2, enos.simulator().requestLog().count(e -> e.path().equals(PRODUCTS) && "create".equals(e.action())));

        // a later run finds the product by name instead of creating it again
        run("batch2.csv", "productName,modelId,deviceKey,deviceName,timezone\nDemo Meters,EnOS_Meter,meter-004,Meter 4,+08:00\n");
        assertEquals(2, enos.simulator().requestLog().count(e -> e.path().equals(PRODUCTS) && "create".equals(e.action())),
                "no product created by the second run");
        List<String> second = Files.readAllLines(dir.resolve("out/batch2-credentials.csv"));
        assertEquals(second.get(1).split(",")[0], credentials.get(1).split(",")[0], "same product key");
    }

    private long creates() {
        return enos.simulator().requestLog().count(e -> e.path().equals(PRODUCTS) && "create".equals(e.action())
                                                        && e.apiCode() != null && e.apiCode() == 0);
    }

    /** Runs the example on one CSV file and returns what it logged. */
    private String run(String name, String content) throws Exception {
        EnosSimulator sim = enos.simulator();
        Path in = Files.createDirectories(dir.resolve("in"));
        Path csv = dir.resolve(name);
        Files.writeString(csv, content);
        Files.move(csv, in.resolve(name), StandardCopyOption.ATOMIC_MOVE);

        Main main = ProvisionDevicesExample.createMain();
        main.addOverrideProperty("camel.component.enos.gateway-url", sim.baseUrl());
        main.addOverrideProperty("camel.component.enos.org-id", sim.orgId());
        main.addOverrideProperty("camel.component.enos.app-key", sim.appKey());
        main.addOverrideProperty("camel.component.enos.app-secret", sim.appSecret());
        main.addOverrideProperty("provision.input-dir", in.toString());
        main.addOverrideProperty("provision.output-dir", dir.resolve("out").toString());
        main.configure().withDurationMaxMessages(1);

        // slf4j-simple writes to the System.err of the moment: capture what the example logs
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> main.run());
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
        assertTrue(log.contains("created device"), "the example logs what it does: " + log);
        return log;
    }
}
