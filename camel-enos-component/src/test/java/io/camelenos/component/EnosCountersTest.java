package io.camelenos.component;

import java.lang.management.ManagementFactory;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.camelenos.component.client.EnosCounters;
import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.fault.FaultKind;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The component's counters move under faults injected by the emulator, and JMX shows the same figures. */
class EnosCountersTest {

    private static final String GET = "enos:asset/search?pageSize=1&pageNo=";
    private static EnosSimulator sim;
    private CamelContext context;
    private ProducerTemplate template;
    private EnosComponent enos;

    @BeforeAll
    static void startSimulator() {
        sim = EnosSimulator.builder().port(0).assets(10).seed(3).authMode(AuthMode.STRICT).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void startContext() {
        sim.faults().clear();
        context = new DefaultCamelContext();
        enos = EnosTestSupport.componentFor(sim);
        context.addComponent("enos", enos);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @Test
    void rateLimitedAnswersAndRetriesAreCounted() {
        template.requestBody(GET + "1", (Object) null);
        sim.faults().retryAfterSeconds(0).failNext(2, FaultKind.RATE_LIMIT);
        template.requestBody(GET + "1", (Object) null);
        sim.faults().failNext(1, FaultKind.HTTP_503);
        template.requestBody(GET + "2", (Object) null);

        EnosCounters counters = enos.getCounters();
        assertEquals(3, counters.retries());
        assertEquals(2, counters.rateLimitedAnswers());
    }

    @Test
    void aCallThatRunsOutOfRetriesCountsItsLast429ButNoRetry() {
        sim.faults().retryAfterSeconds(0).failNext(1, FaultKind.RATE_LIMIT);
        try {
            template.requestBody(GET + "1&maxRetries=0", (Object) null);
        } catch (RuntimeException expected) {
            // the 429 reaches the caller: no retry was allowed
        }

        assertEquals(0, enos.getCounters().retries());
        assertEquals(1, enos.getCounters().rateLimitedAnswers());
    }

    @Test
    void rateLimiterWaitsAreCounted() {
        for (int i = 0; i < 4; i++) {
            template.requestBody(GET + (i + 1) + "&rateLimit=5", (Object) null);
        }

        assertTrue(enos.getCounters().rateLimitWaits() >= 2, "waits: " + enos.getCounters().rateLimitWaits());
        assertTrue(enos.getCounters().rateLimitWaitMillis() >= 200, "ms: " + enos.getCounters().rateLimitWaitMillis());
    }

    @Test
    void tokenFetchesCountTheFirstTokenAndTheOneAfterAnExpiry() {
        template.requestBody(GET + "1", (Object) null);
        template.requestBody(GET + "1", (Object) null);
        assertEquals(1, enos.getCounters().tokenFetches());

        sim.expireTokens();
        template.requestBody(GET + "2", (Object) null);

        assertEquals(2, enos.getCounters().tokenFetches());
    }

    @Test
    void jmxShowsTheCounters() throws Exception {
        sim.faults().retryAfterSeconds(0).failNext(1, FaultKind.RATE_LIMIT);
        template.requestBody(GET + "1", (Object) null);

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:context=" + context.getName()
                                                                 + ",type=components,name=\"enos\""), null);
        assertEquals(1, names.size(), "component MBeans: " + names);
        ObjectName name = names.iterator().next();
        assertEquals(1L, server.getAttribute(name, "Retries"));
        assertEquals(1L, server.getAttribute(name, "RateLimitedAnswers"));
        assertEquals(1L, server.getAttribute(name, "TokenFetches"));
        assertEquals(0L, server.getAttribute(name, "RateLimitWaits"));
    }
}
