package io.camelenos.component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.RequestLog;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Token auth against the emulator in strict mode: it checks the encryption, the token and every signature. */
class EnosAuthTest extends EnosTestSupport {

    private static final String TOKEN_PATH = "/apim-token-service/v2.0/token/get";
    private static final String GET = "enos:api/call?service=test-service&version=v2.1&path=things&method=GET"
                                      + "&action=get&assetId=";

    @Test
    void signedCallsPassStrictAuth() {
        JsonNode body = template.requestBody(GET + "a b&query.z=ü+1", (Object) null, JsonNode.class);

        assertEquals("a b", body.path("assetId").asText(), "encoded values are signed decoded");
    }

    @Test
    void everyEndpointSharesOneToken() {
        template.requestBody(GET + "x1", (Object) null);
        template.requestBody(GET + "x2", (Object) null);
        template.requestBody(GET + "x3&pageSize=5", (Object) null);
        template.requestBody("enos:connection/searchDevice", (Object) null);

        assertEquals(1, requestsTo(TOKEN_PATH).size());
    }

    @Test
    void concurrentCallsFetchOneToken() throws Exception {
        // each test has a new component, so no token is cached yet
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String uri = GET + "c" + i + "&maxRetries=" + (i % 3); // distinct endpoints, same app key
                calls.add(() -> template.requestBody(uri, (Object) null));
            }
            for (Future<Object> f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, requestsTo(TOKEN_PATH).size());
        assertEquals(16, requestsTo(THINGS).size());
    }

    @Test
    void expiredTokenIsRefreshedOnce() {
        template.requestBody(GET + "warm", (Object) null);
        sim.expireTokens();
        clearRequestLog();

        JsonNode body = template.requestBody(GET + "after", (Object) null, JsonNode.class);

        assertEquals("after", body.path("assetId").asText());
        List<RequestLog.Entry> calls = requestsTo(THINGS);
        assertEquals(List.of(401, 200), calls.stream().map(RequestLog.Entry::httpStatus).toList());
        assertEquals(1, requestsTo(TOKEN_PATH).size());
    }

    @Test
    void wrongSecretFailsWithoutRevealingIt() {
        template.requestBody(GET + "warm", (Object) null); // a good token is cached for the right secret
        String uri = GET + "x&appSecret=not-the-secret-value&maxRetries=0";
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(uri, (Object) null));

        EnosApiException error = assertInstanceOf(EnosApiException.class, thrown.getCause());
        assertEquals(1003, error.getCode(), "the token service rejects the encryption");
        assertFalse(error.getMessage().contains("not-the-secret-value"));
    }
}
