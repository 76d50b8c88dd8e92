package io.camelenos.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayAuthTest {

    private static final String ASSETS = "/asset-service/v2.1/assets";

    @RegisterExtension
    static EnosSimulatorExtension strict = new EnosSimulatorExtension();

    private HttpRequest.Builder getAsset(EnosSimulator sim) {
        return HttpRequest.newBuilder(URI.create(sim.baseUrl() + ASSETS + "?action=get&orgId=" + sim.orgId()
                + "&assetId=" + sim.dataSet().assetId(1))).GET();
    }

    @Test
    void aCorrectlySignedCallIsAccepted() {
        SimClient.Answer answer = new SimClient(strict.simulator())
                .get(ASSETS, Map.of("action", "get", "assetId", strict.simulator().dataSet().assetId(1)));

        assertEquals(200, answer.status());
        assertEquals(0, answer.code());
    }

    @Test
    void aWrongSignatureIsRefusedWith401And497() {
        EnosSimulator sim = strict.simulator();
        String token = new SimClient(sim).token();

        SimClient.Answer answer = new SimClient(sim).execute(getAsset(sim).header("apim-accesstoken", token)
                .header("apim-timestamp", "1700000000000").header("apim-signature", "0".repeat(64)).build());

        assertEquals(401, answer.status());
        assertEquals(497, answer.body().get("status").asInt());
        assertTrue(answer.body().get("message").asText().contains("Signature"));
    }

    @Test
    void aMissingTokenIsRefusedWith401And1202() {
        EnosSimulator sim = strict.simulator();

        SimClient.Answer answer = new SimClient(sim).execute(getAsset(sim).build());

        assertEquals(401, answer.status());
        assertEquals(1202, answer.body().get("status").asInt());
    }

    @Test
    void anUnknownTokenIsRefusedWith401() {
        EnosSimulator sim = strict.simulator();

        SimClient.Answer answer = new SimClient(sim).execute(getAsset(sim).header("apim-accesstoken", "APP_forged")
                .header("apim-timestamp", "1").header("apim-signature", "x").build());

        assertEquals(401, answer.status());
        assertEquals(401, answer.body().get("status").asInt());
    }

    @Test
    void missingSignatureHeadersAreRefusedInStrictMode() {
        EnosSimulator sim = strict.simulator();
        String token = new SimClient(sim).token();

        SimClient.Answer answer = new SimClient(sim).execute(getAsset(sim).header("apim-accesstoken", token).build());

        assertEquals(401, answer.status());
        assertEquals(1202, answer.body().get("status").asInt());
    }

    @Test
    void forcedExpiryMakesCallsFailWith1203() {
        EnosSimulator sim = strict.simulator();
        SimClient client = new SimClient(sim);
        client.token();
        sim.expireTokens();

        SimClient.Answer answer = client.get(ASSETS, Map.of("action", "get", "assetId", sim.dataSet().assetId(1)));

        assertEquals(401, answer.status());
        assertEquals(1203, answer.body().get("status").asInt());
    }

    @Test
    void lenientModeAcceptsAnyNonEmptyTokenWithoutSignature() {
        try (EnosSimulator lenient = EnosSimulator.builder().authMode(AuthMode.LENIENT).build().start()) {
            SimClient client = new SimClient(lenient);

            SimClient.Answer accepted = client.execute(getAsset(lenient).header("apim-accesstoken", "poseidon-token").build());
            SimClient.Answer refused = client.execute(getAsset(lenient).build());

            assertEquals(0, accepted.code());
            assertEquals(401, refused.status());
        }
    }
}
