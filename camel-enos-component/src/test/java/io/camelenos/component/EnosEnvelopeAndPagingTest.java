package io.camelenos.component;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.component.client.HttpEnosClient;
import io.camelenos.component.client.RetryPolicy;
import io.camelenos.component.client.TokenManager;
import io.camelenos.simulator.http.Envelope;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status envelope and path parameters (TSDB policy service), scroll paging, and an injected client. */
class EnosEnvelopeAndPagingTest extends EnosTestSupport {

    private static final int ALERT_COUNT = 7;

    /** The emulator's storage policy ids are UUIDs of "seed/storageType" (enos-simulator/docs/tsdb-policy.md). */
    private static final String AI_RAW_POLICY = UUID.nameUUIDFromBytes("42/AI_RAW".getBytes(StandardCharsets.UTF_8))
            .toString();

    @BeforeAll
    static void serveMore() {
        // alert-service scroll: the page token is the offset; none on the last page
        sim.router().path("/alert-service/v2.1/alerts", Envelope.DM).action("scroll", "POST", request -> {
            JsonNode scroll = request.json().path("scroll");
            int from = scroll.path("pageToken").asInt(0);
            int size = scroll.path("pageSize").asInt(3);
            ObjectNode data = MAPPER.createObjectNode();
            for (int i = from; i < Math.min(ALERT_COUNT, from + size); i++) {
                data.withArray("alerts").addObject().put("alertId", "al" + i);
            }
            if (from + size < ALERT_COUNT) {
                data.put("pageToken", String.valueOf(from + size));
            }
            return data;
        });
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
        Exchange out = template.request("enos:alert/scrollAlerts?pageSize=3", e -> { });

        assertEquals(3, out.getMessage().getBody(JsonNode.class).path("alerts").size());
        assertEquals("3", out.getMessage().getHeader(EnosConstants.PAGE_TOKEN));

        Exchange next = template.request("enos:alert/scrollAlerts?pageSize=3",
                e -> e.getMessage().setHeader(EnosConstants.PAGE_TOKEN, "6"));
        assertEquals(1, next.getMessage().getBody(JsonNode.class).path("alerts").size());
        assertNull(next.getMessage().getHeader(EnosConstants.PAGE_TOKEN), "no token on the last page");
    }

    @Test
    void scrollFetchAllFollowsTheTokens() {
        Iterator<?> alerts = template.requestBody("enos:alert/scrollAlerts?pageSize=3&fetchAll=true",
                (Object) null, Iterator.class);
        List<String> ids = new ArrayList<>();
        alerts.forEachRemaining(a -> ids.add(((JsonNode) a).path("alertId").asText()));

        assertEquals(List.of("al0", "al1", "al2", "al3", "al4", "al5", "al6"), ids);
        assertEquals(3, requestsTo("/alert-service/v2.1/alerts").size());
    }

    @Test
    void injectedClientIsUsedWithoutConnectionOptions() {
        HttpClient http = HttpClient.newHttpClient();
        TokenManager tokens = new TokenManager(http, sim.baseUrl(), sim.appKey(), sim.appSecret(),
                Duration.ofMinutes(10), Duration.ofSeconds(10), Clock.systemUTC(), MAPPER);
        HttpEnosClient client = new HttpEnosClient(http, sim.baseUrl(), tokens, sim.appSecret(), null,
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
