package io.camelenos.component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.component.catalog.EnosCatalog;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.catalog.ParameterSpec;
import io.camelenos.component.catalog.UserAuth;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's option, header and operation tables are rendered from the generated enos.json and the catalogue, so
 * they cannot drift. Run with {@code -Dreadme.update=true} to rewrite them after a change.
 */
class ReadmeTest {

    private static final Path README = Path.of("README.md");
    private static final Path METADATA = Path.of("src/generated/resources/META-INF/io/camelenos/component/enos.json");

    @Test
    void readmeTablesMatchTheCatalogueAndTheMetadata() throws IOException {
        JsonNode metadata = new ObjectMapper().readTree(METADATA.toFile());
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String expected = replace(replace(replace(readme, "options", options(metadata)), "headers",
                headers(metadata)), "operations", operations());
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(README, expected, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, readme, "README.md is out of date: run the test with -Dreadme.update=true");
    }

    private static String replace(String text, String section, String table) {
        String start = "<!-- " + section + ":start -->\n";
        String end = "<!-- " + section + ":end -->";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new AssertionError("README.md lacks the markers of section " + section);
        }
        return text.substring(0, from + start.length()) + table + text.substring(to);
    }

    private static String options(JsonNode metadata) {
        StringBuilder out = new StringBuilder("| option | group | default | type | description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            String name = p.path("kind").asText().equals("path") ? e.getKey() + " (path)" : e.getKey();
            out.append(row(name, p.path("group").asText(), p.path("defaultValue").asText(""),
                    p.path("type").asText() + (p.path("secret").asBoolean() ? ", secret" : ""),
                    p.path("description").asText()));
        }
        return out.toString();
    }

    private static String headers(JsonNode metadata) {
        StringBuilder out = new StringBuilder("| header | type | description |\n|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata.path("headers").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            out.append(row(e.getKey(), e.getValue().path("javaType").asText(),
                    e.getValue().path("description").asText()));
        }
        return out.toString();
    }

    private static String operations() {
        StringBuilder out = new StringBuilder(
                "| URI | aliases | method | path | action | query | body | paging | envelope | user |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (EnosOperation op : EnosCatalog.defaultCatalog().operations()) {
            out.append(row("`enos:" + op.key() + "`", String.join(", ", op.aliases()), op.method(), op.path(),
                    op.action() == null ? "" : op.action(), specs(op.query()), specs(op.body()),
                    op.pagination() + (op.items().isEmpty() ? "" : " `" + op.items() + "`"),
                    op.envelope().name(), op.userAuth() == UserAuth.NONE ? "" : op.userAuth().name()));
        }
        return out.toString();
    }

    private static String specs(List<ParameterSpec> specs) {
        return specs.stream().map(s -> s.wireName().equals(s.option()) ? s.option() : s.wireName() + "←" + s.option())
                .collect(Collectors.joining(", "));
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", List.of(cells).stream().map(c -> c.replace("|", "\\|")).toList()) + " |\n";
    }
}
