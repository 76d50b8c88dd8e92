package io.camelenos.examples;

import org.apache.camel.main.Main;

/**
 * Runs {@link HeartbeatRoutes} as a standalone camel-main application until stopped (Ctrl+C).
 * Options come from {@code application.properties} on the classpath and can be overridden on the
 * command line, e.g. {@code -Dheartbeat.period=200} or {@code --property heartbeat.count=5}.
 */
public final class HeartbeatExample {

    private HeartbeatExample() {
    }

    public static void main(String[] args) throws Exception {
        createMain().run(args);
    }

    /** The configured camel-main, not yet started; tests run it with their own limits. */
    static Main createMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new HeartbeatRoutes());
        return main;
    }
}
