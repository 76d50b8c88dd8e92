package io.camelenos.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenServiceTest {

    private static final String GET = "/apim-token-service/v2.0/token/get";
    private static final String REFRESH = "/apim-token-service/v2.0/token/refresh";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.tokenTtlSeconds(600));

    private SimClient client() {
        return new SimClient(enos.simulator());
    }

    @Test
    void tokenGetAnswersTheDocumentedShape() {
        SimClient.Answer answer = client().tokenGet();

        assertEquals(200, answer.status());
        assertEquals(0, answer.body().get("status").asInt());
        assertEquals("SUCCESS", answer.body().get("msg").asText());
        assertEquals("apim-token-service", answer.body().get("business").asText());
        assertTrue(answer.data().get("accessToken").asText().length() > 20);
        int expire = answer.data().get("expire").asInt();
        assertTrue(expire > 590 && expire <= 600, "expire was " + expire);
    }

    @Test
    void theSameTokenIsReturnedWhileItIsValid() {
        String first = client().tokenGet().data().get("accessToken").asText();
        String second = client().tokenGet().data().get("accessToken").asText();

        assertEquals(first, second);
    }

    @Test
    void aReplayedEncryptionFailsWith1001() {
        EnosSimulator sim = enos.simulator();
        ObjectNode body = SimClient.tokenBody(sim.appKey(), sim.appSecret(), SimClient.freshTimestamp());
        assertEquals(0, client().post(GET, Map.of(), body, false).code());

        SimClient.Answer replay = client().post(GET, Map.of(), body, false);

        assertEquals(1001, replay.code());
        assertEquals(200, replay.status());
    }

    @Test
    void anUnknownAppKeyFailsWith1002() {
        ObjectNode body = SimClient.tokenBody("no-such-key", "whatever", SimClient.freshTimestamp());

        assertEquals(1002, client().post(GET, Map.of(), body, false).code());
    }

    @Test
    void aWrongSecretFailsWith1003() {
        ObjectNode body = SimClient.tokenBody(enos.simulator().appKey(), "wrong-secret", SimClient.freshTimestamp());

        SimClient.Answer answer = client().post(GET, Map.of(), body, false);

        assertEquals(1003, answer.code());
        assertTrue(answer.body().get("data").isNull());
    }

    @Test
    void missingFieldsFailWith1202AndABadTimestampWith1004() {
        assertEquals(1202, client().post(GET, Map.of(), Map.of("appKey", "k"), false).code());
        ObjectNode body = SimClient.tokenBody(enos.simulator().appKey(), enos.simulator().appSecret(), "1");
        body.put("timestamp", "yesterday");
        assertEquals(1004, client().post(GET, Map.of(), body, false).code());
    }

    @Test
    void timestampMayBeSentAsAString() {
        EnosSimulator sim = enos.simulator();
        String ts = SimClient.freshTimestamp();
        ObjectNode body = SimClient.tokenBody(sim.appKey(), sim.appSecret(), ts).put("timestamp", ts);

        assertEquals(0, client().post(GET, Map.of(), body, false).code());
    }

    @Test
    void refreshIssuesANewTokenAndTheOldOneStaysValidUntilItExpires() {
        EnosSimulator sim = enos.simulator();
        SimClient client = client();
        String old = client.token();
        ObjectNode body = SimClient.tokenBody(sim.appKey(), sim.appSecret(), SimClient.freshTimestamp())
                .put("accessToken", old);

        SimClient.Answer refreshed = client.post(REFRESH, Map.of(), body, false);

        assertEquals(0, refreshed.code());
        String fresh = refreshed.data().get("accessToken").asText();
        assertNotEquals(old, fresh);
        assertEquals(fresh, client().tokenGet().data().get("accessToken").asText());
        assertEquals(0, client.get("/asset-service/v2.1/assets",
                Map.of("action", "get", "assetId", sim.dataSet().assetId(0))).code());
    }

    @Test
    void refreshWithAnUnknownTokenFailsWith1204() {
        EnosSimulator sim = enos.simulator();
        ObjectNode body = SimClient.tokenBody(sim.appKey(), sim.appSecret(), SimClient.freshTimestamp())
                .put("accessToken", "APP_not-a-token");

        assertEquals(1204, client().post(REFRESH, Map.of(), body, false).code());
    }

    @Test
    void aTokenExpiresWhenTheClockPassesItsLifetime() {
        EnosSimulator sim = enos.simulator();
        SimClient client = client();
        String token = client.token();
        try {
            sim.clock().advance(Duration.ofSeconds(601));

            SimClient.Answer call = client.get("/asset-service/v2.1/assets",
                    Map.of("action", "get", "assetId", sim.dataSet().assetId(0)));

            assertEquals(401, call.status());
            assertEquals(1203, call.body().get("status").asInt());
            assertNotEquals(token, client().tokenGet().data().get("accessToken").asText());
        } finally {
            sim.clock().reset();
            sim.expireTokens(); // the token taken in the future would otherwise outlive the other tests' checks
        }
    }
}
