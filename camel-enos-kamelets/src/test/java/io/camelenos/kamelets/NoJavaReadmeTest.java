package io.camelenos.kamelets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.EnosSimulatorExtension;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root README's "No Java" section runs as printed: its application.properties, YAML route and Pipe, loaded by
 * camel-main as Camel JBang loads them, against an emulator with the standalone emulator's defaults (only the port
 * differs, so only the gateway URL is overridden).
 */
class NoJavaReadmeTest {

    private static final Path README = Path.of("../README.md");

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(100));

    @TempDir
    Path dir;

    @Test
    void theYamlRouteAndThePipeOfTheReadmeRunAsPrinted() throws Exception {
        EnosSimulator sim = enos.simulator();
        sim.clock().fixAt(java.time.Instant.parse("2024-03-05T12:00:00Z"));
        String readme = Files.readString(README);
        Properties printed = new Properties();
        printed.load(new StringReader(block(readme, "properties")));
        assertTrue(printed.getProperty("camel.component.enos.app-secret").equals(sim.appSecret()),
                "the README shows the standalone emulator's defaults");
        Files.writeString(dir.resolve("assets.camel.yaml"), block(readme, "route"));
        Files.writeString(dir.resolve("alerts-pipe.yaml"), block(readme, "pipe"));

        Main main = new Main();
        printed.forEach((k, v) -> main.addInitialProperty((String) k, (String) v));
        main.addOverrideProperty("camel.component.enos.gateway-url", sim.baseUrl());
        main.addOverrideProperty("camel.kamelet.enos-alert-source.gatewayUrl", sim.baseUrl());
        main.addInitialProperty("camel.main.routes-include-pattern",
                "file:" + dir.resolve("assets.camel.yaml") + ",file:" + dir.resolve("alerts-pipe.yaml"));
        main.addInitialProperty("camel.main.duration-max-seconds", "3");

        String log = runCapturingLog(main);
        String firstAsset = sim.dataSet().assetId(0);
        assertTrue(log.contains("asset " + firstAsset + ": {\"assetId\":\"" + firstAsset + "\""), "the route logged the assets");
        assertTrue(log.contains("CamelEnosAlertState=ACTIVE"), "the Pipe logged the active alerts");
        assertFalse(log.contains(sim.appSecret()), "the app secret is logged");
    }

    /** The fenced block after the marker {@code <!-- no-java:name -->}. */
    private static String block(String readme, String name) {
        Matcher m = Pattern.compile("<!-- no-java:" + name + " -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README block " + name);
        return m.group(1);
    }

    /** Runs the Main for its maximum duration; slf4j-simple writes to the System.err of the moment. */
    private static String runCapturingLog(Main main) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setErr(original);
            original.print(log.toString(StandardCharsets.UTF_8));
        }
        return log.toString(StandardCharsets.UTF_8);
    }
}
