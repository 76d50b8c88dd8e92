package io.camelenos.component;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
