package io.camelenos.bench;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** A Camel context with the emulator's connection settings as properties, and the enos: options that use them. */
final class EnosRoutes {

    /** Appended to an enos: URI: gateway, org and credentials (the secret sent RAW, as users should). */
    static final String CONNECTION = "&gatewayUrl={{enos.url}}&orgId={{enos.org}}&appKey={{enos.key}}"
            + "&appSecret=RAW({{enos.secret}})";

    private EnosRoutes() {
    }

    static CamelContext context(String baseUrl, String orgId, String appKey, String appSecret) {
        CamelContext camel = new DefaultCamelContext();
        camel.getPropertiesComponent().addInitialProperty("enos.url", baseUrl);
        camel.getPropertiesComponent().addInitialProperty("enos.org", orgId);
        camel.getPropertiesComponent().addInitialProperty("enos.key", appKey);
        camel.getPropertiesComponent().addInitialProperty("enos.secret", appSecret);
        return camel;
    }
}
