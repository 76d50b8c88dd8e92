package io.camelenos.examples;

import org.apache.camel.main.Main;

/**
 * Runs {@link ForwardAlertsRoutes} until stopped (Ctrl+C): every new and recovered EnOS alert is POSTed to the webhook
 * {@code forward-alerts.webhook-url}, with retries, and what the webhook keeps refusing goes to a dead-letter file.
 * The EnOS connection comes from {@code camel.component.enos.*} in {@code application.properties} (the standalone
 * emulator by default; ENOS_* variables for a real tenant).
 */
public final class ForwardAlertsExample {

    private ForwardAlertsExample() {
    }

    public static void main(String[] args) throws Exception {
        createMain().run(args);
    }

    /** The configured camel-main, not yet started; tests run it with their own limits. */
    static Main createMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new ForwardAlertsRoutes());
        return main;
    }
}
