package io.camelenos.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged app as deployed against a tenant: configured by environment variables only (Quarkus/MicroProfile
 * names, including a component option application.properties does not mention), against an emulator in strict auth
 * mode, with a canary app secret and canary passwords, logging at INFO. It syncs, listens on all addresses, asks
 * credentials for writes (role writer) and reads (role reader), answers every bad request in JSON with the right
 * status and keeps working afterwards, and its whole output holds no secret.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfiguredDeploymentIT {

    static final String APP_SECRET = "CANARY-app-secret-7f3e9a";
    static final String WRITER = "ops-writer";
    static final String WRITER_PASSWORD = "CANARY-writer-pw-51c2";
    static final String READER = "ops-reader";
    static final String READER_PASSWORD = "CANARY-reader-pw-83d1";
    static final int ASSETS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1, as curl speaks it (the JDK's default would try an HTTP/2 upgrade). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static EnosSimulator emulator;
    static PackagedApp app;
    static String device;

    @BeforeAll
    static void start() throws Exception {
        emulator = EnosSimulator.builder().port(0).assets(ASSETS).appSecret(APP_SECRET).authMode(AuthMode.STRICT)
                .build().start();
        device = emulator.dataSet().assetId(1);
        app = PackagedApp.start("configured", deployment(emulator, "INFO")).awaitListening(Duration.ofSeconds(120));
    }

    /** A deployment's environment: the connection, the API users, a fast asset flow, no telemetry. */
    static Map<String, String> deployment(EnosSimulator emulator, String logLevel) {
        return PackagedApp.env(
                "CAMEL_COMPONENT_ENOS_GATEWAY_URL", emulator.baseUrl(),
                "CAMEL_COMPONENT_ENOS_APP_KEY", emulator.appKey(),
                "CAMEL_COMPONENT_ENOS_APP_SECRET", APP_SECRET,
                "CAMEL_COMPONENT_ENOS_ORG_ID", emulator.orgId(),
                // options application.properties does not declare: every component option works as a variable
                "CAMEL_COMPONENT_ENOS_RATE_LIMIT", "500",
                "CAMEL_COMPONENT_ENOS_CONNECT_TIMEOUT", "5000",
                "CAMEL_ENOS_API_WRITER_USERNAME", WRITER,
                "CAMEL_ENOS_API_WRITER_PASSWORD", WRITER_PASSWORD,
                "CAMEL_ENOS_API_READER_USERNAME", READER,
                "CAMEL_ENOS_API_READER_PASSWORD", READER_PASSWORD,
                "CAMEL_ENOS_ASSETS_DELAY", "2s",
                "CAMEL_ENOS_TELEMETRY_ENABLED", "false",
                "CAMEL_ENOS_ALERTS_DELAY", "2s",
                "QUARKUS_LOG_LEVEL", logLevel);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    @Order(1)
    void syncsTheEmulatorItWasGivenByEnvironmentVariables() {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            JsonNode summary = json(send(get("/api/data/summary").header("Authorization", basic(READER, READER_PASSWORD))));
            assertEquals(ASSETS, summary.path("assets").path("rows").asLong(), summary.toString());
            assertTrue(summary.path("alerts").path("rows").asLong() > 0, summary.toString());
        });
        // strict mode: every call was signed with the canary secret, or the emulator would have refused it
        assertTrue(emulator.tokensIssued() > 0);
    }

    @Test
    @Order(2)
    void aConfiguredDeploymentListensOnAllAddresses() {
        assertEquals("0.0.0.0", app.host(), app.output());
    }

    @Test
    @Order(3)
    void writesNeedTheWriterAndReadsAReader() throws Exception {
        HttpResponse<String> anonymous = send(patch(device, "{\"tags\": {\"region\": \"north\"}}"));
        assertEquals(401, anonymous.statusCode());
        assertEquals("Basic realm=\"camel-enos\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals("unauthorized", json(anonymous).path("error").asText());

        assertEquals(403, send(patch(device, "{\"tags\": {\"region\": \"north\"}}")
                .header("Authorization", basic(READER, READER_PASSWORD))).statusCode());
        assertEquals(401, send(get("/api/data/summary")).statusCode());
        assertEquals(200, send(get("/api/data/summary").header("Authorization", basic(READER, READER_PASSWORD)))
                .statusCode());

        HttpResponse<String> written = send(patch(device, "{\"tags\": {\"region\": \"north\"}}")
                .header("Authorization", basic(WRITER, WRITER_PASSWORD)));
        assertEquals(200, written.statusCode(), written.body());
        assertNotNull(json(written).path("requestId").textValue(), written.body());
    }

    @Test
    @Order(4)
    void everyBadRequestIsAnsweredInJsonWithItsStatusAndNothingBreaks() throws Exception {
        List<BadRequests.Case> cases = BadRequests.cases(device, basic(WRITER, WRITER_PASSWORD),
                basic(READER, READER_PASSWORD));
        assertTrue(cases.size() >= 40, "cases: " + cases.size());
        Map<Integer, Integer> outcomes = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (BadRequests.Case c : cases) {
            HttpResponse<String> answer = send(c.request(app.url()));
            JsonNode body = jsonOrNull(answer);
            boolean ok = answer.statusCode() == c.status() && body != null
                         && body.path("status").asInt() == c.status()
                         && !body.path("error").asText().isBlank() && !body.path("message").asText().isBlank();
            if (!ok) {
                wrong.add(c.name() + ": expected " + c.status() + ", was " + answer.statusCode() + " " + answer.body());
            }
            outcomes.merge(answer.statusCode(), 1, Integer::sum);
        }
        System.out.println("[camel-enos] bad requests: " + cases.size() + ", answers by status: " + outcomes);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));

        // nothing broken: ready, the writer still writes, no forged log line, no NUL in the log
        assertEquals(200, send(get("/q/health/ready")).statusCode());
        assertEquals(200, send(patch(device, "{\"description\": \"after the bad requests\"}")
                .header("Authorization", basic(WRITER, WRITER_PASSWORD))).statusCode());
        String output = app.output();
        assertFalse(output.lines().anyMatch(line -> line.startsWith("INFO forged")), "a forged log line");
        assertFalse(output.contains("\u0000"), "a NUL in the log");
    }

    @Test
    @Order(5)
    void theOpenApiDocumentDescribesTheApiAndItsAuthentication() throws Exception {
        JsonNode openapi = json(send(get("/q/openapi?format=json").header("Accept", "application/json")));
        assertTrue(openapi.path("paths").has("/api/assets/{assetId}"), openapi.toString());
        assertTrue(openapi.path("paths").has("/api/data/summary"), openapi.toString());
        assertEquals("basic", openapi.path("components").path("securitySchemes").path("basicAuth").path("scheme")
                .asText(), openapi.path("components").toString());
        assertEquals(200, send(get("/q/swagger-ui/")).statusCode());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noSecretInTheWholeOutputAtInfo() throws Exception {
        app.close();
        String output = app.output();
        output.lines().filter(line -> line.contains("camel.component.enos.app"))
                .forEach(line -> System.out.println("[camel-enos] summary line: " + line));
        List<String> leaks = LogCanary.leaks(output, WRITER, WRITER_PASSWORD, APP_SECRET, READER_PASSWORD);
        System.out.println("[camel-enos] INFO run: " + output.lines().count() + " log lines, leaks: " + leaks.size());
        assertTrue(leaks.isEmpty(), "leaked: " + leaks);
    }

    // ---- HTTP

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(app.url() + path)).timeout(Duration.ofSeconds(30)).GET();
    }

    private static HttpRequest.Builder patch(String assetId, String body) {
        return HttpRequest.newBuilder(URI.create(app.url() + "/api/assets/" + assetId))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> answer) throws Exception {
        return JSON.readTree(answer.body());
    }

    private static JsonNode jsonOrNull(HttpResponse<String> answer) {
        try {
            return answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                    ? JSON.readTree(answer.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }

    static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }
}
