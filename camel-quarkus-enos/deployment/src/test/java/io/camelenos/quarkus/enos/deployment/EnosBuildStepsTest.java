package io.camelenos.quarkus.enos.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.inject.Inject;

import io.camelenos.component.EnosComponent;
import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension's build steps, checked in JVM mode by what they produce (native images cannot be built here): the
 * feature, the component's jar indexed so Camel Quarkus binds the component at build time, the operation catalogue
 * as a native resource, SSL in the native image, and the configured JSON types registered for reflection. A build
 * step added by the test reads those build items and writes them into a resource of the application.
 */
class EnosBuildStepsTest {

    private static final String RECORD = "camel-enos-test/build-items.properties";

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(AssetView.class))
            .overrideConfigKey("quarkus.camel.enos.native.json-types", AssetView.class.getName())
            .overrideConfigKey("quarkus.camel.enos.devservices.enabled", "false")
            .addBuildChainCustomizer(EnosBuildStepsTest::recordBuildItems);

    @Inject
    CamelContext camel;

    @Test
    void featureIsCamelEnos() {
        assertTrue(recorded("features").contains("camel-enos"), recorded("features").toString());
    }

    @Test
    void componentJarIsIndexedAndTheComponentBoundAtBuildTime() {
        assertTrue(recorded("indexed").contains("io.camelenos:camel-enos-component"), recorded("indexed").toString());
        // no route has asked for enos: yet, so only the build-time binding can have put it there
        assertInstanceOf(EnosComponent.class, camel.getRegistry().lookupByName("enos"));
    }

    @Test
    void operationCatalogueIsANativeResource() {
        assertTrue(recorded("resources").contains(EnosProcessor.CATALOGUE), recorded("resources").toString());
        assertTrue(Thread.currentThread().getContextClassLoader().getResource(EnosProcessor.CATALOGUE) != null,
                "the resource named is the one the catalogue reads");
    }

    @Test
    void sslIsEnabledForNativeImages() {
        assertEquals(Set.of("camel-enos"), Set.copyOf(recorded("ssl")));
    }

    @Test
    void configuredJsonTypesAreRegisteredForReflection() {
        assertTrue(recorded("reflective").contains(AssetView.class.getName()), recorded("reflective").toString());
    }

    private static List<String> recorded(String kind) {
        Properties items = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RECORD)) {
            items.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String values = items.getProperty(kind, "");
        return values.isEmpty() ? List.of() : List.of(values.split(","));
    }

    private static void recordBuildItems(BuildChainBuilder chain) {
        chain.addBuildStep(EnosBuildStepsTest::record)
                .consumes(FeatureBuildItem.class)
                .consumes(IndexDependencyBuildItem.class)
                .consumes(NativeImageResourceBuildItem.class)
                .consumes(ExtensionSslNativeSupportBuildItem.class)
                .consumes(ReflectiveClassBuildItem.class)
                .produces(GeneratedResourceBuildItem.class)
                .build();
    }

    private static void record(BuildContext context) {
        Properties items = new Properties();
        collect(items, "features", context.consumeMulti(FeatureBuildItem.class), i -> List.of(i.getName()));
        collect(items, "indexed", context.consumeMulti(IndexDependencyBuildItem.class),
                i -> List.of(i.getGroupId() + ":" + i.getArtifactId()));
        collect(items, "resources", context.consumeMulti(NativeImageResourceBuildItem.class),
                NativeImageResourceBuildItem::getResources);
        collect(items, "ssl", context.consumeMulti(ExtensionSslNativeSupportBuildItem.class),
                i -> List.of(i.getExtension()));
        collect(items, "reflective", context.consumeMulti(ReflectiveClassBuildItem.class),
                ReflectiveClassBuildItem::getClassNames);
        StringWriter text = new StringWriter();
        try {
            items.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.produce(new GeneratedResourceBuildItem(RECORD, text.toString().getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static <T> void collect(Properties record, String kind, List<T> items, Function<T, List<String>> names) {
        Set<String> values = new TreeSet<>();
        items.forEach(item -> values.addAll(names.apply(item)));
        record.setProperty(kind, String.join(",", values));
    }
}
