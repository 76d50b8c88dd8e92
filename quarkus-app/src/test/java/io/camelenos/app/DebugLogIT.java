package io.camelenos.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulator;
import org.junit.jupiter.api.Test;

/**
 * The packaged app logging everything at DEBUG (Quarkus, Vert.x, Camel, the component's request lines) while it syncs,
 * takes a write, refuses a wrong password and stops: its whole output holds no secret.
 */
class DebugLogIT {

    @Test
    void noSecretInTheWholeOutputAtDebug() throws Exception {
        String output;
        try (EnosSimulator emulator = EnosSimulator.builder().port(0).assets(ConfiguredDeploymentIT.ASSETS)
                .appSecret(ConfiguredDeploymentIT.APP_SECRET).authMode(AuthMode.STRICT).build().start()) {
            PackagedApp app = PackagedApp.start("debug", ConfiguredDeploymentIT.deployment(emulator, "DEBUG"))
                    .awaitListening(Duration.ofSeconds(120));
            try {
                String writer = ConfiguredDeploymentIT.basic(ConfiguredDeploymentIT.WRITER,
                        ConfiguredDeploymentIT.WRITER_PASSWORD);
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .untilAsserted(() -> assertTrue(app.output().contains("Asset sync: "
                        + ConfiguredDeploymentIT.ASSETS + " records"), "no asset sync yet"));
                HttpRequest.Builder patch = HttpRequest.newBuilder(URI.create(app.url() + "/api/assets/"
                                + emulator.dataSet().assetId(1)))
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"tags\": {\"region\": \"south\"}}"));
                assertEquals(200, ConfiguredDeploymentIT.send(patch.copy().header("Authorization", writer)).statusCode());
                assertEquals(401, ConfiguredDeploymentIT.send(patch.copy().header("Authorization",
                        ConfiguredDeploymentIT.basic(ConfiguredDeploymentIT.WRITER, "CANARY-wrong-pw-0c4d"))).statusCode());
            } finally {
                app.close();
            }
            output = app.output();
        }
        assertTrue(output.contains(" DEBUG "), "not a DEBUG run");
        assertTrue(output.contains("EnOS POST") || output.contains("EnOS GET"), "the component's request lines are missing");
        List<String> leaks = LogCanary.leaks(output, ConfiguredDeploymentIT.WRITER,
                ConfiguredDeploymentIT.WRITER_PASSWORD, ConfiguredDeploymentIT.APP_SECRET,
                ConfiguredDeploymentIT.READER_PASSWORD, "CANARY-wrong-pw-0c4d");
        System.out.println("[camel-enos] DEBUG run: " + output.lines().count() + " log lines, leaks: " + leaks.size());
        assertTrue(leaks.isEmpty(), "leaked: " + leaks);
    }
}
