package io.camelenos.quarkus.enos.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import io.camelenos.quarkus.enos.deployment.devservices.EnosDevServicesProcessor;
import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An application with its own gateway URL keeps it: no emulator is started and no credentials are added. */
class EnosDevServicesGatewayConfiguredTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .overrideConfigKey(EnosDevServicesProcessor.GATEWAY_URL, "https://apim-ppe1.eniot.io");

    @Test
    void configuredGatewayIsKept() {
        assertEquals(Optional.of("https://apim-ppe1.eniot.io"),
                value(EnosDevServicesProcessor.GATEWAY_URL));
        assertTrue(value(EnosDevServicesProcessor.APP_SECRET).isEmpty());
        assertTrue(value(EnosDevServicesProcessor.ORG_ID).isEmpty());
    }

    private static Optional<String> value(String key) {
        return ConfigProvider.getConfig().getOptionalValue(key, String.class);
    }
}
