package io.camelenos.examples;

import org.apache.camel.main.Main;

/**
 * Runs {@link TailTelemetryRoutes} until stopped (Ctrl+C): the telemetry of the devices of the site
 * {@code tail-telemetry.site-asset-id} to CSV files, resuming after a restart where it stopped. The EnOS connection
 * comes from {@code camel.component.enos.*} in {@code application.properties} (the standalone emulator by default;
 * ENOS_* variables for a real tenant).
 */
public final class TailTelemetryExample {

    private TailTelemetryExample() {
    }

    public static void main(String[] args) throws Exception {
        createMain().run(args);
    }

    /** The configured camel-main, not yet started; tests run it with their own limits. */
    static Main createMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new TailTelemetryRoutes());
        return main;
    }
}
