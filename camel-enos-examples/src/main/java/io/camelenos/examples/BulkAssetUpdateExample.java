package io.camelenos.examples;

import org.apache.camel.main.Main;

/**
 * Runs {@link BulkAssetUpdateRoutes} until stopped (Ctrl+C): every CSV file dropped into {@code bulk-update.input-dir}
 * updates the assets it lists. The EnOS connection comes from {@code camel.component.enos.*} in
 * {@code application.properties} (the standalone emulator by default; ENOS_* variables for a real tenant).
 */
public final class BulkAssetUpdateExample {

    private BulkAssetUpdateExample() {
    }

    public static void main(String[] args) throws Exception {
        createMain().run(args);
    }

    /** The configured camel-main, not yet started; tests run it with their own limits. */
    static Main createMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new BulkAssetUpdateRoutes());
        return main;
    }
}
