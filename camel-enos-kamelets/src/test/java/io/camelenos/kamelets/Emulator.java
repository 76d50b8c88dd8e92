package io.camelenos.kamelets;

import io.camelenos.component.EnosComponent;
import io.camelenos.simulator.EnosSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** The tests' side of EnOS: changes made to the emulator through an enos: producer, as any client would make them. */
final class Emulator {

    private Emulator() {
    }

    static String call(EnosSimulator sim, String uri, Object body) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            EnosComponent component = new EnosComponent();
            component.getConfiguration().setGatewayUrl(sim.baseUrl());
            component.getConfiguration().setOrgId(sim.orgId());
            component.getConfiguration().setAppKey(sim.appKey());
            component.getConfiguration().setAppSecret(sim.appSecret());
            camel.addComponent("enos", component);
            camel.start();
            return camel.createProducerTemplate().requestBody(uri, body, String.class);
        }
    }

    static void patchTags(EnosSimulator sim, String assetId, String tagsJson) throws Exception {
        call(sim, "enos:asset/update?isPatchUpdate=true",
                "{\"asset\": {\"assetId\": \"" + assetId + "\", \"tags\": " + tagsJson + "}}");
    }
}
