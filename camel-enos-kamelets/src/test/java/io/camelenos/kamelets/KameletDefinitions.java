package io.camelenos.kamelets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The Kamelets of the jar as built (target/classes/kamelets, after the version was filled in), parsed as YAML. */
final class KameletDefinitions {

    static final Path DIR = Path.of("target/classes/kamelets");
    static final List<String> NAMES = List.of("enos-asset-source", "enos-telemetry-source", "enos-alert-source",
            "enos-asset-update-sink", "enos-action");

    private KameletDefinitions() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String name) {
        try {
            String text = Files.readString(DIR.resolve(name + ".kamelet.yaml"));
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            current = current == null ? null : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }
}
