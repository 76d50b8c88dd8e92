package io.camelenos.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.simulator.EnosSimulator;
import org.junit.jupiter.api.Test;

/**
 * A deployment against a tenant with no API user configured has no default password: a write, even with the embedded
 * mode's demo credentials, answers 401 with a JSON message naming the variables that create the writer.
 */
class NoUsersConfiguredIT {

    @Test
    void withoutConfiguredUsersWritesAnswer401SayingHowToEnableThem() throws Exception {
        try (EnosSimulator emulator = EnosSimulator.builder().port(0).assets(10).build().start();
             PackagedApp app = PackagedApp.start("no-users", PackagedApp.env(
                     "CAMEL_COMPONENT_ENOS_GATEWAY_URL", emulator.baseUrl(),
                     "CAMEL_COMPONENT_ENOS_APP_KEY", emulator.appKey(),
                     "CAMEL_COMPONENT_ENOS_APP_SECRET", emulator.appSecret(),
                     "CAMEL_COMPONENT_ENOS_ORG_ID", emulator.orgId(),
                     "CAMEL_ENOS_ASSETS_ENABLED", "false",
                     "CAMEL_ENOS_TELEMETRY_ENABLED", "false",
                     "CAMEL_ENOS_ALERTS_ENABLED", "false")).awaitListening(Duration.ofSeconds(120))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create(app.url() + "/api/assets/" + emulator.dataSet().assetId(1)))
                    .header("Content-Type", "application/json")
                    .header("Authorization", ConfiguredDeploymentIT.basic("demo", "demo"))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"tags\": {\"a\": \"b\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(401, answer.statusCode(), answer.body());
            JsonNode body = new ObjectMapper().readTree(answer.body());
            assertTrue(body.path("message").asText().contains("CAMEL_ENOS_API_WRITER_USERNAME"), answer.body());
            assertTrue(body.path("message").asText().contains("CAMEL_ENOS_API_WRITER_PASSWORD"), answer.body());
            assertTrue(app.output().contains("No writer configured"), app.output());
        }
    }
}
