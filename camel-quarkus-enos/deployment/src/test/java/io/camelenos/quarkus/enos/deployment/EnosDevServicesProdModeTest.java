package io.camelenos.quarkus.enos.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.QuarkusProdModeTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production profile never gets the emulator: the same app as {@link EnosDevServicesTest}, packaged and run as
 * {@code java -jar}, has no gateway, so its enos: route refuses to start, naming the missing option.
 */
class EnosDevServicesProdModeTest {

    @RegisterExtension
    static final QuarkusProdModeTest TEST = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClasses(AssetSearchRoute.class, SeenAssets.class))
            .setApplicationName("enos-prod-mode")
            .setApplicationVersion("0.1")
            .setRun(true)
            .setExpectExit(true);

    @Test
    void packagedAppStartsNoEmulator() {
        String output = TEST.getStartupConsoleOutput();
        assertFalse(output.contains("Dev Services for EnOS"), output);
        assertTrue(output.contains("gatewayUrl"), output);
        assertNotEquals(0, TEST.getExitCode(), output);
    }
}
