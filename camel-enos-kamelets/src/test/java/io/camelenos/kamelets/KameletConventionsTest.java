package io.camelenos.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

/** Each Kamelet follows the conventions of apache/camel-kamelets, so catalogues and flow designers can show it. */
class KameletConventionsTest {

    static final List<String> NAMES = KameletDefinitions.NAMES;

    @Test
    void theJarHoldsExactlyTheFiveKamelets() throws Exception {
        assertEquals(NAMES.stream().map(n -> n + ".kamelet.yaml").sorted().toList(), KameletDefinitions.files());
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void describesItselfAsCatalogsExpect(String name) {
        Map<String, Object> k = KameletDefinitions.load(name);
        assertEquals("camel.apache.org/v1", k.get("apiVersion"));
        assertEquals("Kamelet", k.get("kind"));
        assertEquals(name, KameletDefinitions.at(k, "metadata", "name"));
        String type = KameletDefinitions.at(k, "metadata", "labels", "camel.apache.org/kamelet.type");
        assertEquals(name.endsWith("-source") ? "source" : name.endsWith("-sink") ? "sink" : "action", type);
        assertFalse(((String) KameletDefinitions.at(k, "spec", "definition", "title")).isBlank());
        assertFalse(((String) KameletDefinitions.at(k, "spec", "definition", "description")).isBlank());
        Map<String, Map<String, Object>> properties = KameletDefinitions.at(k, "spec", "definition", "properties");
        properties.forEach((property, schema) -> {
            assertNotNull(schema.get("title"), name + "." + property + " has a title");
            assertNotNull(schema.get("description"), name + "." + property + " has a description");
            assertNotNull(schema.get("type"), name + "." + property + " has a type");
        });
        if (!type.equals("sink")) {
            assertEquals("application/json", KameletDefinitions.at(k, "spec", "types", "out", "mediaType"));
        }
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void takesTheConnectionWithTheCredentialsAsSecrets(String name) {
        Map<String, Object> k = KameletDefinitions.load(name);
        List<String> required = KameletDefinitions.at(k, "spec", "definition", "required");
        assertTrue(required.containsAll(List.of("gatewayUrl", "appKey", "appSecret", "orgId")), required.toString());
        for (String secret : List.of("appKey", "appSecret")) {
            Map<String, Object> schema = KameletDefinitions.at(k, "spec", "definition", "properties", secret);
            assertEquals("password", schema.get("format"), name + "." + secret);
            assertEquals(List.of("urn:camel:group:credentials"), schema.get("x-descriptors"), name + "." + secret);
        }
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void dependsOnTheComponentOfThisBuild(String name) {
        List<String> dependencies = KameletDefinitions.at(KameletDefinitions.load(name), "spec", "dependencies");
        String version = System.getProperty("project.version", "0.1.0-SNAPSHOT");
        assertTrue(dependencies.contains("mvn:io.camelenos:camel-enos-component:" + version), dependencies.toString());
        assertTrue(dependencies.contains("camel:kamelet"), dependencies.toString());
    }
}
