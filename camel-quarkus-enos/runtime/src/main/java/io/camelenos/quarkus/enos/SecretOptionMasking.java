package io.camelenos.quarkus.enos;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.spi.CamelContextCustomizer;

/**
 * Adds the {@code enos:} component's secret options to the keywords Camel masks in its logs (the auto-configuration
 * summary among them), keeping any keywords the application has set itself.
 */
public final class SecretOptionMasking implements CamelContextCustomizer {

    private final String optionNames;

    public SecretOptionMasking(String optionNames) {
        this.optionNames = optionNames;
    }

    @Override
    public void configure(CamelContext camelContext) {
        ExtendedCamelContext extension = camelContext.getCamelContextExtension();
        extension.setAdditionalSensitiveKeywords(merge(extension.getAdditionalSensitiveKeywords(), optionNames));
    }

    /** Camel compares lower-case option names without dashes, so the keywords are kept in that form. */
    static String merge(String existing, String added) {
        Set<String> keywords = new LinkedHashSet<>();
        for (String list : new String[] { existing, added }) {
            if (list != null) {
                for (String keyword : list.split(",")) {
                    if (!keyword.isBlank()) {
                        keywords.add(keyword.trim().toLowerCase(Locale.ENGLISH).replace("-", ""));
                    }
                }
            }
        }
        return String.join(",", keywords);
    }
}
