package io.camelenos.component.console;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.component.EnosComponent;
import io.camelenos.component.EnosConfiguration;
import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.fault.FaultKind;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.console.DefaultDevConsoleRegistry;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The enos dev console, found by its id as Camel finds consoles, reports tokens, limits, counters and consumers. */
class EnosDevConsoleTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String POINT = ThingModels.WIND_TURBINE.points().get(0).id();
    private static EnosSimulator sim;
    private CamelContext context;

    @BeforeAll
    static void startSimulator() {
        sim = EnosSimulator.builder().port(0).assets(10).seed(5).authMode(AuthMode.STRICT).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @AfterEach
    void stopContext() {
        sim.faults().clear();
        context.stop();
    }

    @Test
    void jsonShowsTokensLimitsCountersAndConsumers() throws Exception {
        start(sim.appSecret());
        sim.faults().retryAfterSeconds(0).failNext(1, FaultKind.RATE_LIMIT);
        context.createProducerTemplate().requestBody("enos:asset/search?pageSize=1&rateLimit=50", (Object) null);
        awaitPolls("poll", 2);

        JsonNode json = callJson();

        JsonNode component = json.path("components").get(0);
        assertEquals("enos", component.path("name").asText());
        assertEquals(1, component.path("counters").path("retries").asLong());
        assertEquals(1, component.path("counters").path("rateLimitedAnswers").asLong());
        assertEquals(1, component.path("counters").path("tokenFetches").asLong());
        JsonNode token = component.path("tokens").get(0);
        assertEquals(sim.appKey(), token.path("appKey").asText());
        assertTrue(Instant.parse(token.path("expiresAt").asText()).isAfter(Instant.now()), token.toString());
        assertEquals(50.0, component.path("rateLimitsPerSecond").get(0).asDouble(), 0.01);
        JsonNode consumer = json.path("consumers").get(0);
        assertEquals("poll", consumer.path("routeId").asText());
        assertTrue(consumer.path("polls").asLong() >= 2, consumer.toString());
        assertEquals(0, consumer.path("failedPolls").asLong(), consumer.toString());
        assertTrue(consumer.path("lastError").isMissingNode(), consumer.toString());
        assertFalse(json.toString().contains(sim.appSecret()), "the app secret leaked: " + json);
    }

    @Test
    void jsonShowsAConsumersLastErrorWithoutTheSecret() throws Exception {
        start("canary-console-secret-91c3");
        awaitPolls("poll", 3);

        JsonNode json = callJson();

        JsonNode consumer = json.path("consumers").get(0);
        assertTrue(consumer.path("failedPolls").asLong() >= 1, consumer.toString());
        assertTrue(consumer.path("lastError").asText().contains("token"), consumer.toString());
        assertEquals("no token held", json.path("components").get(0).path("tokens").get(0).path("expiresAt").asText());
        assertFalse(json.toString().contains("canary-console-secret-91c3"), "the app secret leaked: " + json);
        assertFalse(callText().contains("canary-console-secret-91c3"), "the app secret leaked in the text");
    }

    @Test
    void jsonShowsEachConsumersPagesRecordsAndWatermarks() throws Exception {
        start(sim.appSecret(), new RouteBuilder() {
            @Override
            public void configure() {
                from("enos:asset/search?pageSize=4&delay=50").routeId("pages").to("log:paged?level=DEBUG");
                from("enos:tsdb/read?assetExpression=modelId = 'EnOS_Wind_Turbine'&pointIds=" + POINT
                     + "&startTime=2024-02-20T00:00:00Z&endTime=2024-02-20T00:09:59.999Z&splitResult=true&delay=50")
                        .routeId("tsdb").to("log:samples?level=DEBUG");
            }
        });
        awaitPolls("pages", 2);
        awaitPolls("tsdb", 2);

        JsonNode json = callJson();

        JsonNode search = consumer(json, "pages");
        // 10 assets in pages of 4: three pages and ten records a poll
        assertTrue(search.path("pages").asLong() >= 3, search.toString());
        assertTrue(search.path("records").asLong() >= 10, search.toString());
        assertTrue(search.path("watermarks").isMissingNode(), "a search has no watermarks: " + search);
        JsonNode tsdb = consumer(json, "tsdb");
        assertTrue(tsdb.path("pages").asLong() >= 1, tsdb.toString());
        assertTrue(tsdb.path("records").asLong() >= 1, tsdb.toString());
        JsonNode watermarks = tsdb.path("watermarks");
        assertTrue(watermarks.path("pairs").asInt() >= 1, tsdb.toString());
        // everything up to the end time has been read: that is where every watermark stands
        assertEquals("2024-02-20T00:09:59.999Z", watermarks.path("oldest").asText(), tsdb.toString());
        assertEquals("2024-02-20T00:09:59.999Z", watermarks.path("newest").asText(), tsdb.toString());
        assertTrue(callText().contains("watermarks of"), callText());
    }

    private static JsonNode consumer(JsonNode json, String routeId) {
        for (JsonNode consumer : json.path("consumers")) {
            if (routeId.equals(consumer.path("routeId").asText())) {
                return consumer;
            }
        }
        throw new AssertionError("no consumer " + routeId + " in " + json);
    }

    private void start(String secret) throws Exception {
        start(secret, new RouteBuilder() {
            @Override
            public void configure() {
                from("enos:asset/search?pageSize=100&delay=50").routeId("poll").to("log:polled?level=DEBUG");
            }
        });
    }

    private void start(String secret, RouteBuilder routes) throws Exception {
        context = new DefaultCamelContext();
        EnosComponent enos = new EnosComponent();
        EnosConfiguration c = enos.getConfiguration();
        c.setGatewayUrl(sim.baseUrl());
        c.setAppKey(sim.appKey());
        c.setAppSecret(secret);
        c.setOrgId(sim.orgId());
        c.setMaxRetries(1);
        c.setRetryInitialBackoff(10);
        context.addComponent("enos", enos);
        context.addRoutes(routes);
        context.start();
    }

    private DevConsole console() {
        DefaultDevConsoleRegistry registry = new DefaultDevConsoleRegistry(context);
        DevConsole console = registry.resolveById("enos");
        assertNotNull(console, "no enos dev console on the classpath");
        return console;
    }

    private JsonNode callJson() throws Exception {
        JsonObject json = (JsonObject) console().call(DevConsole.MediaType.JSON, Map.of());
        return MAPPER.readTree(json.toJson());
    }

    private String callText() {
        return (String) console().call(DevConsole.MediaType.TEXT, Map.of());
    }

    private void awaitPolls(String routeId, long polls) throws InterruptedException {
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute(routeId).getConsumer();
        long deadline = System.currentTimeMillis() + 10_000;
        while (consumer.getCounter() < polls && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(consumer.getCounter() >= polls, "polls: " + consumer.getCounter());
    }
}
