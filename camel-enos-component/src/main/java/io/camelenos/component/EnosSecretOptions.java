package io.camelenos.component;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.spi.UriParam;

/**
 * Tells Camel which options of the component are secrets, so that Camel masks their values wherever it masks
 * sensitive options: camel-main's and Camel Quarkus' configuration summary ({@code camel.component.enos.appSecret =
 * xxxxxx}), the dev consoles, the properties it reports. Camel recognises a fixed list of names ({@code password},
 * {@code secret}, {@code accessToken}, ...) that does not hold {@code appSecret} or {@code userToken}; it takes
 * further names as the context's additional sensitive keywords. The names are those of the options marked
 * {@code @UriParam(secret = true)} in {@link EnosConfiguration}: one source.
 */
final class EnosSecretOptions {

    /** The secret options' names as Camel compares them: lower case, no dashes. */
    static final Set<String> NAMES = Arrays.stream(EnosConfiguration.class.getDeclaredFields())
            .filter(EnosSecretOptions::isSecret)
            .map(field -> field.getName().toLowerCase(Locale.ENGLISH))
            .collect(Collectors.toCollection(LinkedHashSet::new));

    private EnosSecretOptions() {
    }

    /** Adds the secret option names to the context's additional sensitive keywords, keeping what is there. */
    static void register(CamelContext context) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        Set<String> keywords = new LinkedHashSet<>();
        String existing = extension.getAdditionalSensitiveKeywords();
        if (existing != null && !existing.isBlank()) {
            Arrays.stream(existing.split(",")).map(String::strip).filter(k -> !k.isEmpty()).forEach(keywords::add);
        }
        if (keywords.addAll(NAMES)) {
            extension.setAdditionalSensitiveKeywords(String.join(",", keywords));
        }
    }

    private static boolean isSecret(Field field) {
        UriParam param = field.getAnnotation(UriParam.class);
        return param != null && param.secret();
    }
}
