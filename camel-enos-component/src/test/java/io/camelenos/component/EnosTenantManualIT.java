package io.camelenos.component;

import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against a real EnOS tenant; runs only when asked for ({@code mvn -Dtest=EnosTenantManualIT ...}, the build excludes
 * *ManualIT) and when ENOS_GATEWAY_URL, ENOS_APP_KEY, ENOS_APP_SECRET and ENOS_ORG_ID are set.
 */
@EnabledIfEnvironmentVariable(named = "ENOS_APP_SECRET", matches = ".+")
class EnosTenantManualIT {

    @Test
    void assetSearchReturnsAPageFromTheTenant() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            EnosConfiguration c = context.getComponent("enos", EnosComponent.class).getConfiguration();
            c.setGatewayUrl(System.getenv("ENOS_GATEWAY_URL"));
            c.setAppKey(System.getenv("ENOS_APP_KEY"));
            c.setAppSecret(System.getenv("ENOS_APP_SECRET"));
            c.setOrgId(System.getenv("ENOS_ORG_ID"));
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            Exchange page = template.request("enos:asset/search?pageSize=5", e -> { });
            if (page.getException() != null) {
                throw page.getException();
            }

            assertEquals(0, page.getMessage().getHeader(EnosConstants.CODE));
            assertNotNull(page.getMessage().getHeader(EnosConstants.REQUEST_ID));
            assertTrue(page.getMessage().getBody(JsonNode.class).isArray());
            Iterator<?> all = template.requestBody("enos:asset/search?pageSize=2&fetchAll=true", (Object) null,
                    Iterator.class);
            assertNotNull(all);
        }
    }
}
