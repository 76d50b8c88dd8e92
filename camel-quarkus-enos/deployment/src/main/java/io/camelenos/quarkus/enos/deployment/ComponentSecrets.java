package io.camelenos.quarkus.enos.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The names of the {@code enos:} options marked {@code secret} in the component's generated Camel metadata
 * ({@code enos.json}), so that the list of what to mask has one source: the {@code @UriParam(secret = true)} of
 * the component's configuration.
 */
final class ComponentSecrets {

    static final String METADATA = "META-INF/io/camelenos/component/enos.json";

    private ComponentSecrets() {
    }

    static Set<String> optionNames(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(METADATA)) {
            if (in == null) {
                throw new IllegalStateException(METADATA + " is missing: is camel-enos-component on the classpath?");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Set<String> names = new TreeSet<>();
            collect(root.path("componentProperties"), names);
            collect(root.path("properties"), names);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + METADATA, e);
        }
    }

    private static void collect(JsonNode options, Set<String> names) {
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            if (option.getValue().path("secret").asBoolean(false)) {
                names.add(option.getKey());
            }
        }
    }
}
