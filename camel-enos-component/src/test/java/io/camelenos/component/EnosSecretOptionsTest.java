package io.camelenos.component;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.CamelContextHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component's secret options are sensitive to Camel as soon as the component joins a context, so camel-main's and
 * Camel Quarkus' configuration summary masks them (Camel's own list knows none of appSecret, appKey, userToken, ...).
 */
class EnosSecretOptionsTest {

    @Test
    void theSecretOptionsAreThoseMarkedSecret() {
        assertEquals(Set.of("appkey", "appsecret", "useraccount", "userpassword", "usertoken", "refreshtoken",
                "proxyusername", "proxypassword"),
                EnosSecretOptions.NAMES);
    }

    @Test
    void camelMasksEverySecretOptionOnceTheComponentIsInTheContext() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertFalse(CamelContextHelper.containsSensitive(context, "camel.component.enos.appSecret"),
                    "Camel alone does not know appSecret: nothing to prove otherwise");
            context.addComponent("enos", new EnosComponent());
            for (String key : new String[] {"camel.component.enos.appSecret", "camel.component.enos.app-secret",
                    "camel.component.enos.appKey", "camel.component.enos.userToken",
                    "camel.component.enos.user-password", "camel.component.enos.refreshToken"}) {
                assertTrue(CamelContextHelper.containsSensitive(context, key), key);
            }
            assertFalse(CamelContextHelper.containsSensitive(context, "camel.component.enos.gatewayUrl"));
            assertFalse(CamelContextHelper.containsSensitive(context, "camel.component.enos.orgId"));
        }
    }

    @Test
    void keywordsSetBeforeAreKept() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setAdditionalSensitiveKeywords("mytoken");
            context.addComponent("enos", new EnosComponent());
            assertTrue(CamelContextHelper.containsSensitive(context, "my.mytoken"));
            assertTrue(CamelContextHelper.containsSensitive(context, "camel.component.enos.appSecret"));
        }
    }
}
