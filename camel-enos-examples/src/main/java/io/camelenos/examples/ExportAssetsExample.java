package io.camelenos.examples;

import org.apache.camel.main.Main;

/**
 * Runs {@link ExportAssetsRoutes} until stopped (Ctrl+C): every asset of the organisation to a JSON lines file, then at
 * each poll only what was created, changed or deleted since. The EnOS connection comes from
 * {@code camel.component.enos.*} in {@code application.properties} (the standalone emulator by default; ENOS_*
 * variables for a real tenant).
 */
public final class ExportAssetsExample {

    private ExportAssetsExample() {
    }

    public static void main(String[] args) throws Exception {
        createMain().run(args);
    }

    /** The configured camel-main, not yet started; tests run it with their own limits. */
    static Main createMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new ExportAssetsRoutes());
        return main;
    }
}
