package io.camelenos.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.fault.FaultKind;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The component's client counters on the app's {@code /q/metrics}: faults injected in the emulator (429 answers, an
 * expired token) move them as a monitoring system scraping the app would see.
 */
@QuarkusTest
@WithTestResource(EnosEmulatorResource.class)
class EnosClientMetricsTest {

    private static final String GET = "enos:asset/get?assetId=metrics-probe";

    @InjectEnosSimulator
    EnosSimulator enos;

    @Inject
    ProducerTemplate template;

    @AfterEach
    void clearFaults() {
        enos.faults().clear();
    }

    @Test
    void rateLimitedAnswersAndTheirRetriesAreCounted() {
        call();
        PrometheusMetrics before = PrometheusMetrics.scrape();
        enos.faults().retryAfterSeconds(0).failNext(2, FaultKind.RATE_LIMIT);

        call();

        PrometheusMetrics after = PrometheusMetrics.scrape();
        // other flows of the app may meet the injected faults too; every 429 is counted whoever met it
        assertEquals(2, after.sum("camelenos_client_rate_limited_total")
                        - before.sum("camelenos_client_rate_limited_total"), 0.0);
        assertTrue(after.sum("camelenos_client_retries_total") - before.sum("camelenos_client_retries_total") >= 2,
                "retries after two 429 answers");
    }

    @Test
    void anExpiredTokenIsFetchedAgainAndCounted() {
        call();
        PrometheusMetrics before = PrometheusMetrics.scrape();
        enos.expireTokens();

        call();

        PrometheusMetrics after = PrometheusMetrics.scrape();
        assertTrue(after.sum("camelenos_client_token_fetches_total")
                   - before.sum("camelenos_client_token_fetches_total") >= 1, "token fetches");
        assertTrue(after.has("camelenos_client_rate_limit_waits_total"), "the rate limiter's waits are a meter");
        assertTrue(after.has("camelenos_client_rate_limit_wait_seconds_total"), "and the time they took");
    }

    /** A call through the app's enos: component; "no such asset" is an answer, so the exception is expected. */
    private void call() {
        template.send(GET, exchange -> exchange.getIn().setBody(null));
    }
}
