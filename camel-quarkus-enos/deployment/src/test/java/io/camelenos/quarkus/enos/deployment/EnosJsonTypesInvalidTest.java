package io.camelenos.quarkus.enos.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A json-types entry that is no class fails the build, naming the option and the value. */
class EnosJsonTypesInvalidTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.camel.enos.native.json-types", "com.example.NoSuchAsset")
            .overrideConfigKey("quarkus.camel.enos.devservices.enabled", "false")
            .assertException(failure -> {
                String messages = EnosDevServicesInvalidSettingsTest.messages(failure);
                assertTrue(messages.contains("quarkus.camel.enos.native.json-types"), messages);
                assertTrue(messages.contains("com.example.NoSuchAsset"), messages);
            });

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
