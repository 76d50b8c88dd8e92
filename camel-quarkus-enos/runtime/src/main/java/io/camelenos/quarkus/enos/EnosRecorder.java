package io.camelenos.quarkus.enos;

import org.apache.camel.spi.CamelContextCustomizer;

import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/** What the EnOS extension's build steps record for the application's start. */
@Recorder
public class EnosRecorder {

    /**
     * A customizer that makes Camel mask the given option names (its auto-configuration summary logs every
     * {@code camel.component.enos.*} value at INFO, and Camel's own list of sensitive names lacks e.g. appSecret).
     */
    public RuntimeValue<CamelContextCustomizer> maskSecretOptions(String optionNames) {
        return new RuntimeValue<>(new SecretOptionMasking(optionNames));
    }
}
