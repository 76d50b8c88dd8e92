package io.camelenos.quarkus.enos.deployment;

import java.util.List;

import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;
import org.jboss.jandex.DotName;

/**
 * Build steps of the EnOS extension: the feature, the component registered with Camel at build time, its secret
 * options masked in Camel's logs, and what a native image needs (the operation catalogue as a resource, SSL, reflection for the application's JSON types).
 */
public class EnosProcessor {

    public static final String FEATURE = "camel-enos";

    /** The operation catalogue, read by {@code EnosCatalog} with {@code getResourceAsStream}. */
    public static final String CATALOGUE = "io/camelenos/component/catalog/enos-operations.json";

    static final String COMPONENT_GROUP_ID = "io.camelenos";
    static final String COMPONENT_ARTIFACT_ID = "camel-enos-component";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /**
     * Indexing the component's jar makes it an application archive, which is where Camel Quarkus looks for
     * {@code META-INF/services/org/apache/camel/component/enos} and binds the component into the registry at build
     * time (unless the application produces its own {@code enos} bean).
     */
    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem(COMPONENT_GROUP_ID, COMPONENT_ARTIFACT_ID);
    }

    @BuildStep
    NativeImageResourceBuildItem operationCatalogue() {
        return new NativeImageResourceBuildItem(CATALOGUE);
    }

    /** EnOS gateways are HTTPS: the JDK HTTP client needs SSL in the native image. */
    @BuildStep
    ExtensionSslNativeSupportBuildItem sslNativeSupport() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    /**
     * The classes named in {@code quarkus.camel.enos.native.json-types}, registered for Jackson. A name that is not
     * a class of the application fails the build, naming the option and the value.
     */
    @BuildStep
    void jsonTypes(EnosBuildTimeConfig config, CombinedIndexBuildItem index,
            BuildProducer<ReflectiveClassBuildItem> reflective) {
        List<String> names = config.nativeImage().jsonTypes().orElse(List.of());
        for (String name : names) {
            if (index.getIndex().getClassByName(DotName.createSimple(name)) == null && !loadable(name)) {
                throw new ConfigurationException("Invalid quarkus.camel.enos.native.json-types entry " + name
                                                 + ": no such class in the application");
            }
        }
        if (!names.isEmpty()) {
            reflective.produce(ReflectiveClassBuildItem.builder(names.toArray(String[]::new))
                    .constructors().methods().fields().reason(FEATURE + " json-types").build());
        }
    }

    private static boolean loadable(String name) {
        try {
            Class.forName(name, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
