package io.camelenos.quarkus.enos.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A second test class gets the emulator the first one started (Quarkus shares Dev Services between the test classes
 * of one application; a class with another test profile is another application, which gets its own).
 */
@QuarkusTest
@Order(2)
class DevServiceSharedTest {

    @Test
    void emulatorIsSharedWithTheFirstTestClass() {
        String first = System.getProperty(AssetRouteTest.FIRST_GATEWAY);
        assertNotNull(first, "AssetRouteTest runs first (junit-platform.properties orders the classes)");
        assertEquals(first, ConfigProvider.getConfig().getValue("camel.component.enos.gateway-url", String.class));
    }
}
