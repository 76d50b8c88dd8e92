package io.camelenos.component;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.client.HttpEnosClient;
import io.camelenos.component.client.RetryPolicy;
import io.camelenos.component.client.TokenManager;
import io.camelenos.simulator.wire.Envelope;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status envelope and path parameters (TSDB policy service), scroll paging, and an injected client. */
class EnosEnvelopeAndPagingTest extends EnosTestSupport {

    /** The emulator's storage policy ids are UUIDs of "seed/storageType" (enos-simulator/docs/tsdb-policy.md). */
    private static final String AI_RAW_POLICY = UUID.nameUUIDFromBytes("42/AI_RAW".getBytes(StandardCharsets.UTF_8))
            .toString();

    /** A week of alert-service alerts up to a fixed "now" of the emulator (its alerts are generated from rules). */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private static final String WINDOW = "&startTime=" + NOW.minus(Duration.ofDays(7)) + "&endTime=" + NOW;

    @BeforeAll
    static void fixTheClock() {
        sim.clock().fixAt(NOW);
    }

    @AfterAll
    static void releaseTheClock() {
        sim.clock().reset();
    }

    private long alertCount() {
        Exchange out = template.request("enos:alert/searchAlerts?pageSize=1" + WINDOW, e -> { });
        return out.getMessage().getHeader(EnosConstants.TOTAL_SIZE, Long.class);
    }

    @Test
    void pathParameterSelectsTheStoragePolicy() {
        Exchange out = template.request("enos:tsdb-policy/getStoragePolicy?policyId=" + AI_RAW_POLICY, e -> { });

        assertEquals("AI Raw Data", out.getMessage().getBody(JsonNode.class).path("policyName").asText());
        assertEquals(0, out.getMessage().getHeader(EnosConstants.CODE));
        assertEquals(1, requestsTo("/tsdb-policy/v2.0/policies/" + AI_RAW_POLICY).size());
    }

    @Test
    void statusEnvelopeIsRead() {
        String model = sim.dataSet().modelOf(1).modelId();

        Exchange out = template.request("enos:tsdb-policy/getPointsTsdbMetaData?modelIds=" + model, e -> { });

        JsonNode data = out.getMessage().getBody(JsonNode.class);
        assertEquals(model, data.get(0).path("modelId").asText());
        assertTrue(data.get(0).path("tsdb_metadata").size() > 0);
    }

    @Test
    void nonZeroStatusBecomesEnosApiException() {
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("enos:tsdb-policy/getPointsTsdbMetaData?modelIds=NoSuchModel",
                        (Object) null));

        EnosApiException error = assertInstanceOf(EnosApiException.class, thrown.getCause());
        assertEquals(80400, error.getCode());
        assertEquals("tsdb-policy", error.getService());
        assertEquals(1, requestsTo("/tsdb-policy/v2.0/policies").size(), "80400 is never retried");
    }

    @Test
    void headerOverridesThePathParameterOption() {
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader("enos:tsdb-policy/getStoragePolicy?policyId=" + AI_RAW_POLICY,
                        null, EnosConstants.POLICY_ID, "p404"));

        assertEquals(80400, assertInstanceOf(EnosApiException.class, thrown.getCause()).getCode());
        assertEquals(1, requestsTo("/tsdb-policy/v2.0/policies/p404").size());
    }

    @Test
    void missingPathParameterFailsNamingIt() {
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("enos:tsdb-policy/getStoragePolicy", (Object) null));

        assertTrue(thrown.getCause().getMessage().contains("path parameter policyId"), thrown.getMessage());
    }

    @Test
    void scrollSearchReturnsOnePageAndItsToken() {
        assertTrue(alertCount() > 3, "the emulator's week holds more than one page of alerts");
        Exchange out = template.request("enos:alert/scrollAlerts?pageSize=3" + WINDOW, e -> { });

        assertEquals(3, out.getMessage().getBody(JsonNode.class).path("alerts").size());
        String token = out.getMessage().getHeader(EnosConstants.PAGE_TOKEN, String.class);
        assertNotNull(token);

        Exchange next = template.request("enos:alert/scrollAlerts?pageSize=1000" + WINDOW,
                e -> e.getMessage().setHeader(EnosConstants.PAGE_TOKEN, token));
        assertEquals(alertCount() - 3, next.getMessage().getBody(JsonNode.class).path("alerts").size());
        assertNull(next.getMessage().getHeader(EnosConstants.PAGE_TOKEN), "no token on the last page");
    }

    @Test
    void scrollFetchAllFollowsTheTokens() {
        long total = alertCount();
        clearRequestLog();
        Iterator<?> alerts = template.requestBody("enos:alert/scrollAlerts?pageSize=50&fetchAll=true" + WINDOW,
                (Object) null, Iterator.class);
        List<String> ids = new ArrayList<>();
        alerts.forEachRemaining(a -> ids.add(((JsonNode) a).path("alertId").asText()));

        assertEquals(total, ids.size());
        assertEquals(total, new HashSet<>(ids).size(), "no alert twice");
        assertEquals((total + 49) / 50, requestsTo("/alert-service/v2.1/alerts").size());
    }

    @Test
    void injectedClientIsUsedWithoutConnectionOptions() {
        HttpClient http = HttpClient.newHttpClient();
        TokenManager tokens = new TokenManager(http, sim.baseUrl(), sim.appKey(), sim.appSecret(),
                Duration.ofMinutes(10), Duration.ofSeconds(10), Clock.systemUTC(), MAPPER);
        HttpEnosClient client = new HttpEnosClient(http, sim.baseUrl(), tokens, null,
                new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO),
                Duration.ofSeconds(10), MAPPER);
        context.getRegistry().bind("myEnos", client);
        EnosComponent enos = context.getComponent("enos", EnosComponent.class);
        enos.getConfiguration().setAppSecret(null);
        enos.getConfiguration().setGatewayUrl(null);

        JsonNode body = template.requestBody("enos:tsdb-policy/getStoragePolicy?client=#myEnos&policyId="
                                             + AI_RAW_POLICY, (Object) null, JsonNode.class);

        assertEquals(AI_RAW_POLICY, body.path("policyId").asText());
    }
}
