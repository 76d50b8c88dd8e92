package io.camelenos.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.camelenos.simulator.EnosSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts an EnOS emulator for a Quarkus test and hands its URL and credentials to the app as
 * {@code camel.component.enos.*} settings, so the app does not start its own. The port is fixed at start so that a test
 * can stop the emulator and start it again on the same URL. Argument {@code appSecret=wrong} gives the app a wrong
 * secret instead of the emulator's.
 */
public class EnosEmulatorResource implements QuarkusTestResourceLifecycleManager {

    private EnosSimulator simulator;
    private boolean wrongSecret;

    @Override
    public void init(Map<String, String> initArgs) {
        wrongSecret = "wrong".equals(initArgs.get("appSecret"));
    }

    @Override
    public Map<String, String> start() {
        simulator = EnosSimulator.builder().port(freePort()).assets(100).build().start();
        return Map.of(
                "camel.component.enos.gateway-url", simulator.baseUrl(),
                "camel.component.enos.app-key", simulator.appKey(),
                "camel.component.enos.app-secret", wrongSecret ? "not-the-app-secret" : simulator.appSecret(),
                "camel.component.enos.org-id", simulator.orgId());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(InjectEnosSimulator.class, EnosSimulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
