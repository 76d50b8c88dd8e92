package io.camelenos.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.component.catalog.ConsumerKind;
import io.camelenos.component.catalog.EnosCatalog;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.consumer.EnosConsumerConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The option labels in the generated {@code enos.json} (what tooling and the docs group options by) against what the
 * code uses: a request parameter is {@code common} when an operation with a consumer sends it and {@code producer}
 * otherwise (the catalogue says which); an option the consumers' sources read is never labelled producer-only; the
 * consumers' own options are {@code consumer}; a secret is labelled {@code security}.
 */
class EnosOptionLabelsTest {

    private static final String CONFIGURATION = EnosConfiguration.class.getName();
    private static final String CONSUMER_CONFIGURATION = EnosConsumerConfiguration.class.getName();
    /** The code a consumer runs: its own package, and the request and result building it shares with the producer. */
    private static final List<Path> CONSUMER_SIDE = List.of(Path.of("src/main/java/io/camelenos/component/consumer"),
            Path.of("src/main/java/io/camelenos/component/EnosRequestFactory.java"),
            Path.of("src/main/java/io/camelenos/component/EnosResultMapper.java"));
    private static final Set<String> LABELS = Set.of("common", "consumer", "producer", "security", "advanced", "proxy",
            "scheduler");

    private static Map<String, JsonNode> options;

    @BeforeAll
    static void readEnosJson() throws IOException {
        try (InputStream in = EnosOptionLabelsTest.class.getResourceAsStream("/META-INF/io/camelenos/component/enos.json")) {
            assertNotNull(in, "enos.json is not on the classpath");
            JsonNode properties = new ObjectMapper().readTree(in).path("properties");
            options = new LinkedHashMap<>();
            properties.fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue()));
        }
    }

    @Test
    void requestParametersAreCommonExactlyWhenAConsumerSendsThem() {
        Set<String> sentByConsumers = EnosCatalog.defaultCatalog().operations().stream()
                .filter(op -> op.consumer() != ConsumerKind.NONE).map(EnosRequestParameters::of)
                .flatMap(List::stream).collect(Collectors.toSet());
        List<String> wrong = new ArrayList<>();
        for (String option : EnosRequestParameters.options()) {
            boolean common = sentByConsumers.contains(option) || EnosRequestParameters.ORG_ID.equals(option);
            String expected = common ? "common" : "producer";
            String other = common ? "producer" : "common";
            if (!labels(option).contains(expected) || labels(option).contains(other)) {
                wrong.add(option + " is labelled " + label(option) + ", expected " + expected);
            }
        }
        assertEquals(List.of(), wrong);
        // the options issue #15 named, which the consumers need
        Stream.of("startTime", "pointIds", "expression", "pageSize", "projection")
                .forEach(option -> assertEquals("common", label(option), option));
    }

    @Test
    void noOptionTheConsumersReadIsLabelledProducerOnly() throws IOException {
        String sources = consumerSideSources();
        List<String> wrong = new ArrayList<>();
        options.forEach((option, property) -> {
            boolean fromConfiguration = CONFIGURATION.equals(property.path("configurationClass").asText());
            if (fromConfiguration && readIn(sources, option) && labels(option).contains("producer")) {
                wrong.add(option);
            }
        });
        assertEquals(List.of(), wrong, "read by the consumers but labelled producer");
    }

    @Test
    void theConsumersOwnOptionsAreLabelledConsumer() {
        options.forEach((option, property) -> {
            if (CONSUMER_CONFIGURATION.equals(property.path("configurationClass").asText())) {
                assertTrue(labels(option).contains("consumer"), option + " is labelled " + label(option));
            }
        });
    }

    @Test
    void secretsAreLabelledSecurityAndEveryLabelIsKnown() {
        options.forEach((option, property) -> {
            if (property.path("secret").asBoolean()) {
                assertTrue(labels(option).contains("security"), option + " is labelled " + label(option));
            }
            assertTrue(LABELS.containsAll(labels(option)), option + " has an unknown label " + label(option));
        });
        assertEquals("security", label("appSecret"));
        assertTrue(labels("proxyPassword").contains("security"));
    }

    @Test
    void operationsWithoutAConsumerNeedNoCommonParameter() {
        // a check of the test's premise: producer-only parameters exist, so the rule above can tell the two apart
        Set<String> producerOnly = EnosCatalog.defaultCatalog().operations().stream()
                .filter(op -> op.consumer() == ConsumerKind.NONE).map(EnosRequestParameters::of)
                .flatMap(List::stream).filter(option -> "producer".equals(label(option))).collect(Collectors.toSet());
        assertTrue(producerOnly.contains("commandId") && producerOnly.contains("sqlQuery"), producerOnly.toString());
        EnosOperation tsdb = EnosCatalog.defaultCatalog().find("tsdb", "read").orElseThrow();
        assertTrue(EnosRequestParameters.of(tsdb).contains("startTime"));
    }

    private static String label(String option) {
        JsonNode property = options.get(option);
        assertNotNull(property, "enos.json has no option " + option);
        return property.path("label").asText();
    }

    /** The option's labels; none (the URI path) counts as common, as Camel's tooling reads it. */
    private static Set<String> labels(String option) {
        String label = label(option);
        return label.isEmpty() ? Set.of("common") : Set.of(label.split(","));
    }

    /** Whether the sources call the option's getter ({@code getX()} or {@code isX()}). */
    private static boolean readIn(String sources, String option) {
        String name = Character.toUpperCase(option.charAt(0)) + option.substring(1);
        return sources.contains(".get" + name + "()") || sources.contains(".is" + name + "()");
    }

    private static String consumerSideSources() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path path : CONSUMER_SIDE) {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    text.append(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return text.toString();
    }
}
