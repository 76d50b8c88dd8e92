package io.camelenos.examples;

import org.apache.camel.CamelContext;

/**
 * Options the examples read while they build their routes (where a Camel endpoint URI cannot take them), checked with
 * an error that names the option and the value.
 */
final class ExampleOptions {

    private ExampleOptions() {
    }

    /** The option's value, stripped; an empty one is refused. */
    static String required(CamelContext context, String option) {
        String value = optional(context, option);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Option " + option + " is required, was empty");
        }
        return value;
    }

    /** The option's value, stripped; empty when unset. */
    static String optional(CamelContext context, String option) {
        return context.resolvePropertyPlaceholders("{{" + option + ":}}").strip();
    }

    /** A whole number, at least {@code min}. */
    static long number(CamelContext context, String option, long min) {
        String value = required(context, option);
        try {
            long number = Long.parseLong(value);
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("Option " + option + " must be a whole number of at least " + min
                                           + ", was " + value);
    }
}
