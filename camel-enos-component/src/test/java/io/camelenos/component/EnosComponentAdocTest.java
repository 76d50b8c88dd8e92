package io.camelenos.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.component.catalog.EnosCatalog;
import org.junit.jupiter.api.Test;

/**
 * The option and header tables of {@code src/main/docs/enos-component.adoc} are rendered from the generated enos.json,
 * so the page cannot drift from the component. Run with {@code -Dadoc.update=true} to rewrite them after a change.
 */
class EnosComponentAdocTest {

    private static final Path ADOC = Path.of("src/main/docs/enos-component.adoc");
    private static final Path METADATA = Path.of("src/generated/resources/META-INF/io/camelenos/component/enos.json");

    @Test
    void adocTablesMatchTheMetadata() throws IOException {
        JsonNode metadata = new ObjectMapper().readTree(METADATA.toFile());
        String adoc = Files.readString(ADOC, StandardCharsets.UTF_8);
        String expected = replace(adoc, "enos component options", options(metadata.path("componentProperties")));
        expected = replace(expected, "enos endpoint options", options(metadata.path("properties")));
        expected = replace(expected, "enos headers", headers(metadata.path("headers")));
        if (Boolean.getBoolean("adoc.update")) {
            Files.writeString(ADOC, expected, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, adoc, "enos-component.adoc is out of date: run the test with -Dadoc.update=true");
    }

    @Test
    void adocNamesEveryService() throws IOException {
        String adoc = Files.readString(ADOC, StandardCharsets.UTF_8);
        for (String service : EnosCatalog.defaultCatalog().operations().stream().map(o -> o.service()).distinct().toList()) {
            assertTrue(adoc.contains("| `" + service + "` |"), "the Services table lacks " + service);
        }
    }

    private static String options(JsonNode properties) {
        StringBuilder out = new StringBuilder("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n"
                                              + "| Name | Description | Default | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            String name = "*" + e.getKey() + "* (" + p.path("group").asText() + ")";
            out.append("| ").append(name).append(" | ").append(cell(p.path("description").asText()))
               .append(p.path("required").asBoolean() ? " Required." : "")
               .append(p.path("secret").asBoolean() ? " Secret." : "").append(" | ")
               .append(cell(p.path("defaultValue").asText(""))).append(" | ").append(cell(p.path("type").asText()))
               .append('\n');
        }
        return out.append("|===\n").toString();
    }

    private static String headers(JsonNode headers) {
        StringBuilder out = new StringBuilder("[width=\"100%\",cols=\"2,5,2\",options=\"header\"]\n|===\n"
                                              + "| Name | Description | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            out.append("| `").append(e.getKey()).append("` | ").append(cell(e.getValue().path("description").asText()))
               .append(" | `").append(e.getValue().path("javaType").asText()).append("`\n");
        }
        return out.append("|===\n").toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String replace(String text, String section, String table) {
        String start = "// " + section + ": START\n";
        String end = "// " + section + ": END";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new AssertionError("enos-component.adoc lacks the markers of " + section);
        }
        return text.substring(0, from + start.length()) + table + text.substring(to);
    }
}
