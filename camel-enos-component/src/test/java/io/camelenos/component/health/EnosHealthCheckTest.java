package io.camelenos.component.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.function.Consumer;

import io.camelenos.component.EnosComponent;
import io.camelenos.component.EnosConfiguration;
import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The enos: producer and consumer health checks on a plain DefaultCamelContext with camel-health, against the
 * emulator: UP with good settings, DOWN with the cause named for each way EnOS can refuse or fail us.
 */
class EnosHealthCheckTest {

    private static final String PRODUCER_CHECK = "producer:enos-enos://asset/get";
    private static EnosSimulator sim;
    private CamelContext context;

    @BeforeAll
    static void startSimulator() {
        sim = EnosSimulator.builder().port(0).assets(10).seed(7).authMode(AuthMode.STRICT).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @AfterEach
    void stopContext() {
        sim.faults().clear();
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void producerIsUpWhenTheGatewayTakesOurCredentials() throws Exception {
        start(c -> { }, producerRoute());

        HealthCheck.Result result = check(PRODUCER_CHECK);

        assertEquals(HealthCheck.State.UP, result.getState(), () -> describe(result));
    }

    @Test
    void wrongSecretIsDownAsAuthRefused() throws Exception {
        start(c -> c.setAppSecret("canary-wrong-secret-5f1e"), producerRoute());

        HealthCheck.Result result = check(PRODUCER_CHECK);

        assertDown(result, EnosHealthCause.AUTH_REFUSED);
        assertFalse(describe(result).contains("canary-wrong-secret-5f1e"), "the secret leaked: " + describe(result));
    }

    @Test
    void aSecretInTheUriIsMaskedInTheCheckId() throws Exception {
        start(c -> { }, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("enos:asset/get?appSecret=canary-uri-secret-0d4a");
            }
        });

        HealthCheck.Result result = check("producer:enos-enos://asset/get?appSecret=xxxxxx");

        assertDown(result, EnosHealthCause.AUTH_REFUSED);
        HealthCheckHelper.invoke(context).forEach(r -> assertFalse(
                r.getCheck().getId().contains("canary-uri-secret-0d4a") || describe(r).contains("canary-uri-secret"),
                "the secret leaked: " + r.getCheck().getId() + " " + describe(r)));
    }

    @Test
    void wrongOrgIsDownAsOrgRefused() throws Exception {
        start(c -> c.setOrgId("o-not-ours"), producerRoute());

        HealthCheck.Result result = check(PRODUCER_CHECK);

        assertDown(result, EnosHealthCause.ORG_REFUSED);
        assertEquals(99403, result.getDetails().get(EnosHealthResults.API_CODE));
    }

    @Test
    void gatewayDownIsDownAsUnreachable() throws Exception {
        String closed = "http://127.0.0.1:" + closedPort();
        start(c -> c.setGatewayUrl(closed), producerRoute());

        assertDown(check(PRODUCER_CHECK), EnosHealthCause.UNREACHABLE);
    }

    @Test
    void rateLimitStormIsDownAsRateLimitedAndUpOnceItPasses() throws Exception {
        start(c -> { }, producerRoute());
        sim.faults().retryAfterSeconds(30).rateLimitRate(1.0);

        HealthCheck.Result storm = check(PRODUCER_CHECK);
        sim.faults().clear();
        HealthCheck.Result after = check(PRODUCER_CHECK);

        assertDown(storm, EnosHealthCause.RATE_LIMITED);
        assertEquals(429, storm.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE));
        assertEquals(HealthCheck.State.UP, after.getState(), () -> describe(after));
    }

    @Test
    void disabledProducerCheckDoesNotCallTheGateway() throws Exception {
        start(c -> c.setAppSecret("wrong"), producerRoute(), false);

        HealthCheck.Result result = check(PRODUCER_CHECK);

        assertEquals(HealthCheck.State.UNKNOWN, result.getState(), () -> describe(result));
    }

    @Test
    void consumerIsUpAfterGoodPollsAndDownWithTheCauseAfterFailedOnes() throws Exception {
        start(c -> c.setAppSecret("canary-wrong-secret-77ab"), consumerRoute());
        String id = "consumer:poll";

        awaitPolls(id);
        HealthCheck.Result result = check(id);

        assertDown(result, EnosHealthCause.AUTH_REFUSED);
        assertFalse(describe(result).contains("canary-wrong-secret-77ab"), "the secret leaked: " + describe(result));
    }

    @Test
    void consumerIsUpWhenItsPollsSucceed() throws Exception {
        start(c -> { }, consumerRoute());
        String id = "consumer:poll";

        awaitPolls(id);
        HealthCheck.Result result = check(id);

        assertEquals(HealthCheck.State.UP, result.getState(), () -> describe(result));
    }

    private void start(Consumer<EnosConfiguration> settings, RouteBuilder routes) throws Exception {
        start(settings, routes, true);
    }

    private void start(Consumer<EnosConfiguration> settings, RouteBuilder routes, boolean producerCheck)
            throws Exception {
        context = new DefaultCamelContext();
        enableHealthChecks(context);
        EnosComponent enos = new EnosComponent();
        EnosConfiguration c = enos.getConfiguration();
        c.setGatewayUrl(sim.baseUrl());
        c.setAppKey(sim.appKey());
        c.setAppSecret(sim.appSecret());
        c.setOrgId(sim.orgId());
        c.setRequestTimeout(3000);
        c.setMaxRetries(0);
        settings.accept(c);
        enos.setHealthCheckProducerEnabled(producerCheck);
        context.addComponent("enos", enos);
        context.addRoutes(routes);
        context.start();
    }

    /** What Camel Main does for camel.health.enabled=true: the registry with the consumers and producers checks. */
    private static void enableHealthChecks(CamelContext context) {
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry(context);
        // every check with its details, not only the DOWN ones
        registry.setExposureLevel("full");
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        registry.register(registry.resolveById("consumers"));
        HealthCheckRepository producers = (HealthCheckRepository) registry.resolveById("producers");
        // off by default in Camel (camel.health.producersEnabled); a producer check calls the gateway
        producers.setEnabled(true);
        registry.register(producers);
    }

    private static RouteBuilder producerRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("enos:asset/get");
            }
        };
    }

    private static RouteBuilder consumerRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("enos:asset/search?pageSize=100&delay=50").routeId("poll").to("log:polled?level=DEBUG");
            }
        };
    }

    private HealthCheck.Result check(String id) {
        Map<String, HealthCheck.Result> results = new java.util.HashMap<>();
        HealthCheckHelper.invoke(context).forEach(r -> results.put(r.getCheck().getId(), r));
        HealthCheck.Result result = results.get(id);
        assertNotNull(result, "no check " + id + " among " + results.keySet());
        return result;
    }

    /** Waits until the consumer has polled at least twice, so its check reflects real polls. */
    private void awaitPolls(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Object invocations = check(id).getDetails().get(HealthCheck.INVOCATION_COUNT);
            org.apache.camel.support.ScheduledPollConsumer consumer =
                    (org.apache.camel.support.ScheduledPollConsumer) context.getRoute("poll").getConsumer();
            if (consumer.getCounter() >= 2 && invocations != null) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the consumer did not poll twice in 10 s");
    }

    private static void assertDown(HealthCheck.Result result, EnosHealthCause cause) {
        assertEquals(HealthCheck.State.DOWN, result.getState(), () -> describe(result));
        assertEquals(cause.name(), result.getDetails().get(EnosHealthResults.CAUSE), () -> describe(result));
        assertTrue(result.getMessage().isPresent(), () -> describe(result));
    }

    private static String describe(HealthCheck.Result result) {
        return result.getState() + " " + result.getMessage().orElse("") + " " + result.getDetails()
               + result.getError().map(e -> " " + e).orElse("");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
