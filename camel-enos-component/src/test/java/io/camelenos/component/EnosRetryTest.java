package io.camelenos.component;

import java.io.UncheckedIOException;
import java.util.List;

import io.camelenos.simulator.RequestLog;
import io.camelenos.simulator.fault.FaultKind;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transient failures injected by the emulator are retried; client errors are not. */
class EnosRetryTest extends EnosTestSupport {

    private static final String GET = "enos:api/call?service=test-service&version=v2.1&path=things&method=GET"
                                      + "&action=get&assetId=";

    @Test
    void serverErrorsAreRetried() {
        warmToken();
        sim.faults().failNext(2, FaultKind.HTTP_503);

        template.requestBody(GET + "a", (Object) null);

        assertEquals(List.of(503, 503, 200), statuses());
    }

    @Test
    void rateLimitHonoursRetryAfterUpToTheCap() {
        warmToken();
        sim.faults().retryAfterSeconds(30).failNext(1, FaultKind.RATE_LIMIT);
        long start = System.nanoTime();

        template.requestBody(GET + "a&retryAfterCap=300", (Object) null);

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of(429, 200), statuses());
        assertTrue(millis >= 300 && millis < 5000, "waited " + millis + " ms, the cap being 300 ms");
    }

    @Test
    void droppedConnectionsAreRetried() {
        warmToken();
        sim.faults().failNext(2, FaultKind.DROP);

        template.requestBody(GET + "a", (Object) null);

        assertEquals(200, statuses().get(statuses().size() - 1));
    }

    @Test
    void malformedBodiesAndInternalErrorsAreRetried() {
        warmToken();
        sim.faults().failNext(1, FaultKind.MALFORMED);

        template.requestBody(GET + "a", (Object) null);
        sim.faults().failNext(1, FaultKind.INTERNAL_ERROR);
        template.requestBody(GET + "b", (Object) null);

        List<RequestLog.Entry> calls = requestsTo(THINGS);
        assertEquals(4, calls.size());
        assertEquals(99500, calls.get(2).apiCode());
    }

    @Test
    void invalidArgumentIsNotRetried() {
        warmToken();
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(GET.replace("&assetId=", "&eventId=e1"), (Object) null));

        assertEquals(99400, assertInstanceOf(EnosApiException.class, thrown.getCause()).getCode());
        assertEquals(1, requestsTo(THINGS).size());
    }

    @Test
    void retriesGiveUpAfterMaxRetries() {
        warmToken();
        sim.faults().failNext(10, FaultKind.HTTP_500);

        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(GET + "a&maxRetries=2", (Object) null));

        EnosApiException error = assertInstanceOf(EnosApiException.class, thrown.getCause());
        assertEquals(500, error.getHttpStatus());
        assertEquals(3, requestsTo(THINGS).size());
    }

    @Test
    void unreachableGatewayFailsAfterRetries() {
        String uri = GET + "a&gatewayUrl=http://127.0.0.1:1&maxRetries=1&appKey=other";

        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(uri, (Object) null));

        assertInstanceOf(UncheckedIOException.class, thrown.getCause());
    }

    /** Fetches the token first, so that injected faults hit the API call, not token/get. */
    private void warmToken() {
        template.requestBody(GET + "warm", (Object) null);
        clearRequestLog();
    }

    private static List<Integer> statuses() {
        return requestsTo(THINGS).stream().map(RequestLog.Entry::httpStatus).toList();
    }
}
