package io.camelenos.component;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.RequestLog;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.http.SimRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Camel tests against one strict-auth emulator per class, with the enos component configured for it. Besides the
 * emulator's own services, a small "thing" service on a path EnOS does not use gives the tests endpoints whose
 * answers they control, and a paged device search with a known number of records.
 */
public abstract class EnosTestSupport extends CamelTestSupport {

    static final String THINGS = "/test-service/v2.1/things";
    static final String DEVICES = "/connect-service/v2.1/devices";
    /** Devices of the 50-asset fleet: every asset but the two sites (the emulator's blocks of 25). */
    static final int DEVICE_COUNT = 48;
    static final ObjectMapper MAPPER = new ObjectMapper();

    static EnosSimulator sim;

    @BeforeAll
    static void startSimulator() {
        sim = EnosSimulator.builder().port(0).assets(50).seed(42).authMode(AuthMode.STRICT).tokenTtlSeconds(7200)
                .build().start();
        serveThings();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void resetSimulator() {
        sim.faults().clear();
        clearRequestLog();
    }

    /** Clears the request log once the answers already sent have been logged (see requestsTo). */
    static void clearRequestLog() {
        sleep(100);
        sim.requestLog().clear();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("enos", componentFor(sim));
        return context;
    }

    /** An enos: component pointed at an emulator, with short retry backoffs so retry tests run fast. */
    public static EnosComponent componentFor(EnosSimulator simulator) {
        EnosComponent enos = new EnosComponent();
        EnosConfiguration c = enos.getConfiguration();
        c.setGatewayUrl(simulator.baseUrl());
        c.setAppKey(simulator.appKey());
        c.setAppSecret(simulator.appSecret());
        c.setOrgId(simulator.orgId());
        c.setRetryInitialBackoff(10);
        c.setRetryMaxBackoff(50);
        return enos;
    }

    /**
     * Requests the emulator answered on a path, oldest first. The emulator logs a request just after it has sent
     * the answer, so the client may be faster than the log: wait until the count has been still for a moment.
     */
    static List<RequestLog.Entry> requestsTo(String path) {
        long deadline = System.currentTimeMillis() + 2000;
        List<RequestLog.Entry> entries = sim.requestLog().forPath(path);
        while (System.currentTimeMillis() < deadline) {
            sleep(60);
            List<RequestLog.Entry> again = sim.requestLog().forPath(path);
            if (again.size() == entries.size() && !again.isEmpty()) {
                return again;
            }
            entries = again;
        }
        return entries;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** things?action=get echoes what it received; 99404 for id "missing"; things?action=echo returns the body. */
    private static void serveThings() {
        sim.router().path(THINGS, Envelope.DM)
                .action("get", "GET", EnosTestSupport::getThing)
                .action("echo", "POST", SimRequest::json);
    }

    private static Object getThing(SimRequest request) {
        String id = request.requireQuery("assetId");
        if ("missing".equals(id)) {
            throw ApiError.of(99404, "Object not found: assetId " + id);
        }
        return MAPPER.createObjectNode().put("assetId", id).put("name", "Thing " + id)
                .put("extra", request.query("extra"));
    }
}
