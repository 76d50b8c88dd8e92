package io.camelenos.quarkus.enos.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import io.camelenos.quarkus.enos.deployment.devservices.EnosDevServicesProcessor;
import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The off switch: no emulator, so the application is given no connection at all. */
class EnosDevServicesDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.camel.enos.devservices.enabled", "false");

    @Test
    void applicationGetsNoGateway() {
        assertEquals(Optional.empty(), value(EnosDevServicesProcessor.GATEWAY_URL));
        assertTrue(value(EnosDevServicesProcessor.APP_SECRET).isEmpty());
    }

    static Optional<String> value(String key) {
        return ConfigProvider.getConfig().getOptionalValue(key, String.class);
    }
}
