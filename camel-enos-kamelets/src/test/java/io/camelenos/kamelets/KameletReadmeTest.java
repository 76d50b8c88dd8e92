package io.camelenos.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The README's property table of each Kamelet is rendered from the Kamelet itself, so it cannot drift. Run with
 * {@code -Dreadme.update=true} to rewrite the tables after a change.
 */
class KameletReadmeTest {

    private static final Path README = Path.of("README.md");

    @Test
    void readmeTablesMatchTheKamelets() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String expected = readme;
        for (String name : KameletDefinitions.NAMES) {
            expected = replace(expected, name, table(KameletDefinitions.load(name)));
        }
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(README, expected, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, readme, "README.md is out of date: run the test with -Dreadme.update=true");
    }

    private static String table(Map<String, Object> kamelet) {
        List<String> required = KameletDefinitions.at(kamelet, "spec", "definition", "required");
        Map<String, Map<String, Object>> properties = KameletDefinitions.at(kamelet, "spec", "definition", "properties");
        StringBuilder out = new StringBuilder("| property | required | default | type | description |\n|---|---|---|---|---|\n");
        properties.forEach((name, schema) -> out.append("| `").append(name).append("` | ")
                .append(required.contains(name) ? "yes" : "").append(" | ")
                .append(schema.get("default") == null ? "" : "`" + schema.get("default") + "`").append(" | ")
                .append(schema.get("type")).append("password".equals(schema.get("format")) ? ", secret" : "").append(" | ")
                .append(String.valueOf(schema.get("description")).replace("|", "\\|").replace("\n", " ")).append(" |\n"));
        return out.toString();
    }

    private static String replace(String text, String section, String table) {
        String start = "<!-- " + section + ":start -->\n";
        String end = "<!-- " + section + ":end -->";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new AssertionError("README.md lacks the markers of " + section);
        }
        return text.substring(0, from + start.length()) + table + text.substring(to);
    }
}
