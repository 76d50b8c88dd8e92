package io.camelenos.component;

import java.util.List;

import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.RequestLog;
import io.camelenos.simulator.wire.Envelope;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Short-lived tokens are renewed before they expire, so no call ever meets a 401. */
class EnosTokenRefreshTest {

    @Test
    void shortLivedTokenIsRefreshedBeforeExpiry() throws Exception {
        try (EnosSimulator sim = EnosSimulator.builder().port(0).authMode(AuthMode.STRICT).tokenTtlSeconds(8).build()
                .start();
             CamelContext context = new DefaultCamelContext()) {
            sim.router().path("/test-service/v2.1/things", Envelope.DM).action("get", "GET", r -> "ok");
            EnosConfiguration c = context.getComponent("enos", EnosComponent.class).getConfiguration();
            c.setGatewayUrl(sim.baseUrl());
            c.setAppKey(sim.appKey());
            c.setAppSecret(sim.appSecret());
            c.setOrgId(sim.orgId());
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            String uri = "enos:api/call?service=test-service&version=v2.1&path=things&method=GET&action=get";

            template.requestBody(uri, (Object) null);
            // token/get reports whole seconds left (8, or 7 if a millisecond passed): the client refreshes a
            // quarter of that before expiry, at 6 or 5.25 s, and takes the token for dead at 8 or 7 s
            Thread.sleep(6500); // due for refresh, still valid
            template.requestBody(uri, (Object) null);
            Thread.sleep(2000); // the first token has now expired; the refreshed one has not
            template.requestBody(uri, (Object) null);
            Thread.sleep(200); // the emulator logs a request just after answering it

            List<String> calls = sim.requestLog().entries().stream()
                    .map(e -> e.path().replace("/apim-token-service/v2.0/", "") + " " + e.httpStatus()).toList();
            assertEquals(List.of("token/get 200", "/test-service/v2.1/things 200", "token/refresh 200",
                    "/test-service/v2.1/things 200", "/test-service/v2.1/things 200"), calls);
            assertEquals(0, sim.requestLog().count(e -> e.httpStatus() == 401));
            assertEquals(List.of(), sim.requestLog().entries(e -> e.apiCode() != null && e.apiCode() != 0).stream()
                    .map(RequestLog.Entry::path).toList());
        }
    }
}
