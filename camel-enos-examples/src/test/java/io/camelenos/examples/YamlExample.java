package io.camelenos.examples;

import java.nio.file.Path;

import io.camelenos.simulator.EnosSimulator;
import org.apache.camel.main.Main;

/** A YAML DSL example (yaml/*.camel.yaml) loaded by camel-main as {@code camel run} loads it, connected to the emulator. */
final class YamlExample {

    static final Path DIR = Path.of("yaml");

    private YamlExample() {
    }

    static Main main(String file, EnosSimulator sim) {
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "file:" + DIR.resolve(file).toAbsolutePath());
        return ExampleRun.connectedTo(main, sim);
    }
}
