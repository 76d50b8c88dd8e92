package io.camelenos.component;

/**
 * The one way an option is refused, wherever it is checked (endpoint, consumers, partitions, times): an
 * {@link IllegalArgumentException} whose message names the option and the value in one format,
 * {@code Invalid value for option <name>: '<value>' (<rule>)}. The value is made log-safe and cut
 * ({@link LogSafe}); an unset value reads {@code unset}; a value that may hold a secret is never shown.
 */
public final class EnosOptionCheck {

    private static final String HIDDEN = "(not shown)";

    private EnosOptionCheck() {
    }

    /** Refuses the option's value unless {@code ok}. */
    public static void check(boolean ok, String option, Object value, String rule) {
        if (!ok) {
            throw invalid(option, value, rule);
        }
    }

    /** Refuses an option whose value may hold a secret (a credential, a URL with a user part) without showing it. */
    public static void checkHidden(boolean ok, String option, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(message(option, HIDDEN, rule));
        }
    }

    /** The exception refusing the option's value, for callers that throw it themselves. */
    public static IllegalArgumentException invalid(String option, Object value, String rule) {
        return new IllegalArgumentException(message(option, shown(value), rule));
    }

    /** As {@link #invalid(String, Object, String)}, keeping the cause (e.g. a JSON parse error). */
    public static IllegalArgumentException invalid(String option, Object value, String rule, Throwable cause) {
        return new IllegalArgumentException(message(option, shown(value), rule), cause);
    }

    private static String shown(Object value) {
        return value == null ? "unset" : "'" + LogSafe.abbreviate(value) + "'";
    }

    private static String message(String option, String value, String rule) {
        return "Invalid value for option " + option + ": " + value + " (" + rule + ")";
    }
}
