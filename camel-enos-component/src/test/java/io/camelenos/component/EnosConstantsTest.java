package io.camelenos.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The input header constants of {@link EnosConstants} are rendered from the request parameters
 * ({@link EnosRequestParameters}: orgId and every option the catalogue names) and the options' descriptions in the
 * generated {@code enos.json}, so a new request parameter needs no hand-written header. Run with
 * {@code -Dconstants.update=true} to rewrite them after a change (then build again, so that {@code enos.json} lists the
 * new headers).
 */
class EnosConstantsTest {

    private static final Path SOURCE = Path.of("src/main/java/io/camelenos/component/EnosConstants.java");
    private static final String START = "    // generated:start\n";
    private static final String END = "    // generated:end\n";
    private static final Pattern CONSTANT = Pattern.compile("public static final String \\w+ = \"(CamelEnos\\w+)\";");

    @Test
    void inputHeadersAreRenderedFromTheRequestParameters() throws IOException {
        String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        int from = source.indexOf(START);
        int to = source.indexOf(END);
        assertTrue(from >= 0 && to > from, "EnosConstants lacks the generated markers");
        String handWritten = source.substring(0, from) + source.substring(to);
        String expected = source.substring(0, from + START.length()) + render(declared(handWritten)) + source.substring(to);
        if (Boolean.getBoolean("constants.update")) {
            Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, source, "EnosConstants is out of date: run the test with -Dconstants.update=true");
    }

    @Test
    void everyRequestParameterHasItsHeaderConstant() throws IOException {
        Set<String> headers = declared(Files.readString(SOURCE, StandardCharsets.UTF_8));
        for (String option : EnosRequestParameters.options()) {
            assertTrue(headers.contains(EnosRequestParameters.headerOf(option)),
                    "no header constant for the request parameter " + option);
        }
    }

    private static String render(Set<String> handWritten) throws IOException {
        JsonNode properties = enosJson().path("properties");
        StringBuilder out = new StringBuilder();
        for (String option : EnosRequestParameters.options()) {
            String header = EnosRequestParameters.headerOf(option);
            if (handWritten.contains(header)) {
                continue; // an output header that is also read as input keeps its own description
            }
            JsonNode property = properties.path(option);
            assertTrue(property.isObject(), "enos.json has no option " + option);
            String description = "Overrides the " + option + " option for one message: "
                                 + property.path("description").asText();
            out.append("    @Metadata(label = \"producer\",\n")
                    .append("              description = \"").append(description.replace("\\", "\\\\")
                            .replace("\"", "\\\"")).append("\",\n")
                    .append("              javaType = \"").append(shortType(property.path("javaType").asText()))
                    .append("\")\n")
                    .append("    public static final String ").append(constantName(option)).append(" = \"")
                    .append(header).append("\";\n");
        }
        return out.toString();
    }

    private static Set<String> declared(String source) {
        Set<String> headers = new HashSet<>();
        Matcher m = CONSTANT.matcher(source);
        while (m.find()) {
            headers.add(m.group(1));
        }
        return headers;
    }

    /** assetId → ASSET_ID. */
    private static String constantName(String option) {
        return option.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static String shortType(String javaType) {
        return javaType.startsWith("java.lang.") ? javaType.substring("java.lang.".length()) : javaType;
    }

    private static JsonNode enosJson() throws IOException {
        try (InputStream in = EnosConstantsTest.class.getResourceAsStream("/META-INF/io/camelenos/component/enos.json")) {
            assertNotNull(in, "enos.json is not on the classpath");
            return new ObjectMapper().readTree(in);
        }
    }
}
