package io.camelenos.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvelopeAndErrorTest {

    private static final String ASSETS = "/asset-service/v2.1/assets";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension();

    private SimClient client() {
        return new SimClient(enos.simulator());
    }

    private String anAsset() {
        return enos.simulator().dataSet().assetId(3);
    }

    @Test
    void successHasCodeMsgRequestIdAndData() {
        SimClient.Answer answer = client().get(ASSETS, Map.of("action", "get", "assetId", anAsset()));

        assertEquals(0, answer.body().get("code").asInt());
        assertEquals("OK", answer.body().get("msg").asText());
        assertEquals(anAsset(), answer.data().get("assetId").asText());
        assertTrue(answer.body().get("requestId").asText().length() > 4);
    }

    @Test
    void everyRequestGetsItsOwnRequestId() {
        SimClient client = client();
        String first = client.get(ASSETS, Map.of("action", "get", "assetId", anAsset())).body().get("requestId").asText();
        String second = client.get(ASSETS, Map.of("action", "get", "assetId", anAsset())).body().get("requestId").asText();

        assertNotEquals(first, second);
    }

    @Test
    void aMissingOrgIdIs99400WithTheDocumentedMessage() {
        SimClient.Answer answer = client().send("GET", ASSETS, Map.of("action", "get", "assetId", anAsset()), null, true);

        assertEquals(200, answer.status());
        assertEquals(99400, answer.code());
        assertTrue(answer.body().get("msg").asText().startsWith("Invalid Argument orgId:"));
        assertTrue(answer.data().isNull());
    }

    @Test
    void aForeignOrgIdIs99403() {
        SimClient.Answer answer = client().send("GET", ASSETS,
                Map.of("orgId", "o_someone_else", "action", "get", "assetId", anAsset()), null, true);

        assertEquals(99403, answer.code());
        assertTrue(answer.body().get("msg").asText().contains("o_someone_else"));
    }

    @Test
    void aMissingActionIs99400ActionIsMissing() {
        SimClient.Answer answer = client().get(ASSETS, Map.of("assetId", anAsset()));

        assertEquals(99400, answer.code());
        assertEquals("Invalid Argument action:action is missing", answer.body().get("msg").asText());
    }

    @Test
    void anUnknownActionIs99400NamingIt() {
        SimClient.Answer answer = client().get(ASSETS, Map.of("action", "explode"));

        assertEquals(99400, answer.code());
        assertTrue(answer.body().get("msg").asText().contains("explode"));
    }

    @Test
    void aMissingRequiredParameterIs99400NamingIt() {
        SimClient.Answer answer = client().get(ASSETS, Map.of("action", "get"));

        assertEquals(99400, answer.code());
        assertEquals("Invalid Argument assetId: assetId is missing", answer.body().get("msg").asText());
    }

    @Test
    void anUnknownObjectIs99404() {
        SimClient.Answer answer = client().get(ASSETS, Map.of("action", "get", "assetId", "zz99999999"));

        assertEquals(99404, answer.code());
    }

    @Test
    void anUnknownPathIsHttp404() {
        SimClient.Answer answer = client().get("/no-such-service/v9/things", Map.of());

        assertEquals(404, answer.status());
        assertTrue(answer.body().has("message"));
    }

    @Test
    void aBodyThatIsNotJsonIs99400() {
        SimClient.Answer answer = client().post(ASSETS, Map.of("action", "update"), "{not json");

        assertEquals(99400, answer.code());
        assertTrue(answer.body().get("msg").asText().startsWith("Invalid Argument body"));
    }

    @Test
    void theWrongMethodForAnActionIsRefused() {
        SimClient.Answer answer = client().post(ASSETS, Map.of("action", "get", "assetId", anAsset()), Map.of());

        assertEquals(99405, answer.code());
    }
}
