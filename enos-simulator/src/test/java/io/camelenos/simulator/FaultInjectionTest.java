package io.camelenos.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.fault.FaultKind;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectionTest {

    private static final String ASSETS = "/asset-service/v2.1/assets";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension();

    private SimClient.Answer getAsset(SimClient client) {
        return client.get(ASSETS, Map.of("action", "get", "assetId", enos.simulator().dataSet().assetId(2)));
    }

    private SimClient readyClient() {
        SimClient client = new SimClient(enos.simulator());
        client.token(); // the token service is never faulted, but take the token first anyway
        return client;
    }

    @Test
    void queuedServerErrorsComeFirstThenNormalAnswers() {
        SimClient client = readyClient();
        enos.simulator().faults().failNext(2, FaultKind.HTTP_503);

        assertEquals(503, getAsset(client).status());
        assertEquals(503, getAsset(client).status());
        assertEquals(0, getAsset(client).code());
        List<RequestLog.Entry> log = enos.simulator().requestLog().forPath(ASSETS);
        assertEquals(3, log.size());
        assertEquals("HTTP_503", log.get(0).fault());
        assertEquals(0, log.get(2).apiCode());
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() {
        SimClient client = readyClient();
        enos.simulator().faults().retryAfterSeconds(3).failNext(1, FaultKind.RATE_LIMIT);

        SimClient.Answer answer = getAsset(client);

        assertEquals(429, answer.status());
        assertEquals("3", answer.raw().headers().firstValue("Retry-After").orElse(null));
        assertEquals("API rate limit exceeded", answer.body().get("message").asText());
    }

    @Test
    void aDroppedConnectionGivesTheClientAnIoError() {
        SimClient client = readyClient();
        enos.simulator().faults().failNext(1, FaultKind.DROP);
        // A POST: the JDK client silently retries an idempotent GET once on a closed connection.
        Map<String, Object> update = Map.of("asset", Map.of("assetId", enos.simulator().dataSet().assetId(2)));

        UncheckedIOException error = assertThrows(UncheckedIOException.class,
                () -> client.post(ASSETS, Map.of("action", "update"), update));

        assertTrue(error.getCause() instanceof IOException);
        assertEquals("DROP", enos.simulator().requestLog().forPath(ASSETS).get(0).fault());
        assertEquals(0, client.post(ASSETS, Map.of("action", "update"), update).code());
    }

    @Test
    void aMalformedBodyIsNotParseableJson() throws Exception {
        SimClient client = readyClient();
        enos.simulator().faults().failNext(1, FaultKind.MALFORMED);

        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> getAsset(client));

        assertTrue(error.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException);
    }

    @Test
    void anInjectedInternalErrorIs99500InTheEnvelope() {
        SimClient client = readyClient();
        enos.simulator().faults().failNext(1, FaultKind.INTERNAL_ERROR);

        SimClient.Answer answer = getAsset(client);

        assertEquals(200, answer.status());
        assertEquals(99500, answer.code());
    }

    @Test
    void latencyDelaysEveryApiCall() {
        SimClient client = readyClient();
        enos.simulator().faults().latencyMillis(150);

        long started = System.nanoTime();
        getAsset(client);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(millis >= 150, "took " + millis + " ms");
    }

    @Test
    void ratesAreReproducibleForTheSameSeed() {
        try (EnosSimulator a = EnosSimulator.builder().seed(7).build().start();
             EnosSimulator b = EnosSimulator.builder().seed(7).build().start()) {
            a.faults().serverErrorRate(0.5);
            b.faults().serverErrorRate(0.5);
            StringBuilder seqA = new StringBuilder();
            StringBuilder seqB = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                seqA.append(a.faults().next() == null ? '.' : 'x');
                seqB.append(b.faults().next() == null ? '.' : 'x');
            }
            assertEquals(seqA.toString(), seqB.toString());
            assertTrue(seqA.indexOf("x") >= 0 && seqA.indexOf(".") >= 0, seqA.toString());
        }
    }

    @Test
    void rateOutsideZeroToOneIsRefusedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> enos.simulator().faults().dropRate(1.5));

        assertTrue(e.getMessage().contains("dropRate"));
    }

    @Test
    void theAdminPathSetsFaultsReadsTheLogAndMovesTheClock() throws Exception {
        EnosSimulator sim = enos.simulator();
        HttpClient http = HttpClient.newHttpClient();
        JsonNode faults = admin(http, "POST", "/__sim/faults",
                "{\"failNext\":[{\"kind\":\"HTTP_500\",\"count\":1}],\"retryAfterSeconds\":5}");
        assertEquals(5, faults.get("retryAfterSeconds").asInt());
        assertEquals("HTTP_500", faults.get("queued").get(0).asText());

        assertEquals(500, getAsset(readyClient()).status());
        JsonNode log = admin(http, "GET", "/__sim/requests", null);
        assertTrue(log.size() >= 1);
        assertEquals("HTTP_500", log.get(log.size() - 1).get("fault").asText());

        JsonNode clock = admin(http, "POST", "/__sim/clock", "{\"fixAt\":\"2025-06-01T00:00:00Z\",\"advanceMillis\":60000}");
        assertEquals("2025-06-01T00:01:00Z", clock.get("now").asText());
        assertEquals(sim.clock().nowMillis(), clock.get("nowMillis").asLong());
        admin(http, "POST", "/__sim/clock", "{\"reset\":true}");
        assertTrue(Math.abs(sim.clock().nowMillis() - System.currentTimeMillis()) < 5000);

        JsonNode info = admin(http, "GET", "/__sim/info", null);
        assertEquals(sim.orgId(), info.get("orgId").asText());
        assertTrue(!info.toString().contains(sim.appSecret()), "the admin path must not show the secret");
        assertTrue(admin(http, "GET", "/__sim/routes", null).has(ASSETS));
    }

    private JsonNode admin(HttpClient http, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(enos.simulator().baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }
}
