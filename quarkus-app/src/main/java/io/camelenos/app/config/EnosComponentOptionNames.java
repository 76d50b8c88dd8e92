package io.camelenos.app.config;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.camelenos.component.EnosConfiguration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.util.StringHelper;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Declares the name of every {@code enos:} component option ({@code camel.component.enos.gateway-url}, ...) without a
 * value, so that the environment variable of any option ({@code CAMEL_COMPONENT_ENOS_GATEWAY_URL}) is read as that
 * option.
 * <p>
 * Why: Camel Quarkus hands camel-main every configuration name that starts with {@code camel.}. An environment
 * variable whose dotted name no configuration source declares reaches it as {@code camel.component.enos.gateway.url}
 * (each underscore a dot), which camel-main binds as a nested property and fails the start ("Cannot find getter
 * method: gateway"). A name declared by any source is matched instead ({@code CAMEL_COMPONENT_ENOS_GATEWAY_URL} is
 * {@code camel.component.enos.gateway-url}). This source declares them all, with no value, so nothing changes for an
 * option that is not set.
 */
public class EnosComponentOptionNames implements ConfigSource {

    /** Below every real source: it declares names, it never decides a value. */
    static final int ORDINAL = 1;
    private static final String PREFIX = "camel.component.enos.";

    private static final Map<String, String> NAMES = Arrays.stream(EnosConfiguration.class.getDeclaredFields())
            .filter(field -> field.isAnnotationPresent(UriParam.class))
            .map(field -> PREFIX + StringHelper.camelCaseToDash(field.getName()))
            .collect(Collectors.toUnmodifiableMap(Function.identity(), name -> ""));

    @Override
    public Set<String> getPropertyNames() {
        return NAMES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return null; // declared, never set here
    }

    @Override
    public String getName() {
        return "enos-component-option-names";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
