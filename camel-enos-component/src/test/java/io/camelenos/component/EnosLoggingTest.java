package io.camelenos.component;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DEBUG logs show each request, status and request id, and never the secret or a token (slf4j-simple → stderr). */
class EnosLoggingTest extends EnosTestSupport {

    @Test
    void debugLogsShowRequestsButNeverSecretsOrTokens() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String uri = "enos:api/call?service=test-service&version=v2.1&path=things&method=GET&action=get"
                         + "&assetId=logged";
            template.requestBody(uri, (Object) null);
            sim.expireTokens();
            template.requestBody(uri, (Object) null);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertTrue(log.contains("EnOS GET /test-service/v2.1/things?orgId=" + sim.orgId()
                                + "&action=get&assetId=logged -> HTTP 200"), log);
        assertTrue(log.contains("requestId"), log);
        assertFalse(log.contains(sim.appSecret()), "the app secret was logged");
        assertFalse(log.contains("APP_"), "an access token (the emulator's start with APP_) was logged");
    }

    @Test
    void credentialsSentInTheQueryStringAreMaskedInTheLog() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        EnosApiException refused;
        try {
            // an unknown refresh token: EnOS answers 410, but the request went out with the token in its query string
            refused = assertThrows(EnosApiException.class, () -> {
                try {
                    template.requestBody("enos:app-portal/refreshAccessToken?refreshToken=RAW:APP_PORTAL_R_not-for-logs",
                            (Object) null);
                } catch (org.apache.camel.CamelExecutionException e) {
                    throw e.getCause();
                }
            });
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertEquals(410, refused.getCode());
        assertTrue(log.contains("/app-portal-service/v2.0/token/refresh?refreshToken=***"), log);
        assertFalse(log.contains("not-for-logs"), "the refresh token was logged");
    }
}
