package io.camelenos.quarkus.enos.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Dev Services setting out of range fails the build with a message naming the setting and its value. */
class EnosDevServicesInvalidSettingsTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.camel.enos.devservices.faults.server-error-rate", "1.5")
            .assertException(failure -> {
                String messages = messages(failure);
                assertTrue(messages.contains("quarkus.camel.enos.devservices.faults.server-error-rate=1.5"), messages);
            });

    @Test
    void buildFails() {
        fail("the build should have failed");
    }

    /** The messages of a failure and its causes: the build wraps the exception a build step throws. */
    static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
