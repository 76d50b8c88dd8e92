package io.camelenos.component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.camelenos.component.catalog.EnosCatalog;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.catalog.ParameterSpec;

/**
 * The one place where request parameters are wired: an option is a request parameter when the catalogue names it
 * (or it is orgId), its value is read through the configurer Camel generates for {@link EnosConfiguration}, and its
 * header is {@code CamelEnos} and the capitalised option name. A new request parameter is therefore one
 * {@link EnosConfiguration} field and one catalogue mention; the header constant in {@link EnosConstants} is rendered
 * from these by {@code EnosConstantsTest}.
 */
public final class EnosRequestParameters {

    /** The option sent as the orgId query parameter of every call whose service takes it. */
    public static final String ORG_ID = "orgId";

    private static final String HEADER_PREFIX = "CamelEnos";
    private static final EnosConfigurationConfigurer OPTIONS = new EnosConfigurationConfigurer();
    private static final Set<String> ALL = collect(EnosCatalog.defaultCatalog());

    private EnosRequestParameters() {
    }

    /** Every option that is a request parameter, sorted: orgId and the options the catalogue names. */
    public static Set<String> options() {
        return ALL;
    }

    /** The header that overrides an option for one message, e.g. {@code CamelEnosAssetId} for assetId. */
    public static String headerOf(String option) {
        return HEADER_PREFIX + Character.toUpperCase(option.charAt(0)) + option.substring(1);
    }

    /** Whether {@link EnosConfiguration} has an option of this name. */
    public static boolean isOption(String option) {
        return OPTIONS.getOptionType(option, false) != null;
    }

    /** The option's value on this configuration, or null when unset. */
    public static Object valueIn(EnosConfiguration configuration, String option) {
        if (!isOption(option)) {
            throw new IllegalStateException("The catalogue names " + option + ", which is no option of the enos "
                                            + "component");
        }
        return OPTIONS.getOptionValue(configuration, option, false);
    }

    /** The options one operation sends: its query, body and path parameters. */
    public static List<String> of(EnosOperation op) {
        List<String> options = new ArrayList<>();
        op.query().stream().map(ParameterSpec::option).forEach(options::add);
        op.body().stream().map(ParameterSpec::option).forEach(options::add);
        options.addAll(op.pathParameters());
        return options;
    }

    private static Set<String> collect(EnosCatalog catalog) {
        Set<String> options = new TreeSet<>();
        options.add(ORG_ID);
        catalog.operations().forEach(op -> options.addAll(of(op)));
        return Collections.unmodifiableSet(options);
    }
}
