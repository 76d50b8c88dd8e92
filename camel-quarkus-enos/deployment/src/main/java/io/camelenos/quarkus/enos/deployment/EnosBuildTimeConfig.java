package io.camelenos.quarkus.enos.deployment;

import java.util.List;
import java.util.Optional;

import io.camelenos.quarkus.enos.deployment.devservices.EnosDevServicesConfig;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * Build-time settings of the EnOS extension. The connection itself (gateway URL, keys, org, retries, ...) is the
 * component's own {@code camel.component.enos.*} configuration, read at run time.
 */
@ConfigMapping(prefix = "quarkus.camel.enos")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface EnosBuildTimeConfig {

    /**
     * Dev Services: the EnOS emulator started for dev and test mode.
     */
    EnosDevServicesConfig devservices();

    /**
     * Native image.
     */
    @WithName("native")
    NativeImage nativeImage();

    /** Native image settings. */
    interface NativeImage {

        /**
         * Fully qualified names of your classes that the {@code enos:} component converts JSON to or from: the
         * {@code outputType} of your endpoints and the POJOs you send as message bodies. They are registered for
         * reflection (constructors, methods, fields) so that Jackson can map them in a native image; JVM mode does
         * not need this. Alternatively annotate the classes with {@code @RegisterForReflection}.
         */
        Optional<List<String>> jsonTypes();
    }
}
