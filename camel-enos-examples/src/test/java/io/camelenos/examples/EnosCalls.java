package io.camelenos.examples;

import io.camelenos.component.EnosComponent;
import io.camelenos.simulator.EnosSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** Calls to the emulator through an {@code enos:} producer, as any route would make them: the tests' side of EnOS. */
final class EnosCalls {

    private EnosCalls() {
    }

    static <T> T request(EnosSimulator sim, String uri, Object body, Class<T> type) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            EnosComponent component = new EnosComponent();
            component.getConfiguration().setGatewayUrl(sim.baseUrl());
            component.getConfiguration().setOrgId(sim.orgId());
            component.getConfiguration().setAppKey(sim.appKey());
            component.getConfiguration().setAppSecret(sim.appSecret());
            camel.addComponent("enos", component);
            camel.start();
            return camel.createProducerTemplate().requestBody(uri, body, type);
        }
    }
}
