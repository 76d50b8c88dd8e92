package io.camelenos.component;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the text of numeric URI options before Camel binds them. Camel reads the text of any int or long option as a
 * duration, so {@code maxRetries=abc} silently became 0 and {@code maxRetries=5m} 300000, and a refused value was
 * reported as the number it had become. Counts must be whole numbers; only the options that are times in milliseconds
 * also take Camel's duration text ({@code 30s}, {@code 5m}, {@code 1h30m}).
 */
final class EnosOptionText {

    private static final Set<String> DURATIONS = Set.of("connectTimeout", "requestTimeout", "retryInitialBackoff",
            "retryMaxBackoff", "retryAfterCap", "tokenRefreshBefore", "downloadPollInterval", "downloadTimeout",
            "lookback", "delay", "initialDelay");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern DURATION = Pattern.compile("(\\d+(ms|s|m|h|d))+", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private EnosOptionText() {
    }

    /** Fails on the first numeric option whose text is not a number (or, for a time, a duration). */
    static void check(Map<String, Object> parameters) {
        EnosEndpointConfigurer types = new EnosEndpointConfigurer();
        for (Map.Entry<String, Object> option : parameters.entrySet()) {
            if (option.getValue() instanceof String text && !isReference(text)) {
                Class<?> type = types.getOptionType(option.getKey(), true);
                if (type != null) {
                    check(option.getKey(), text.trim(), type);
                }
            }
        }
    }

    private static void check(String option, String text, Class<?> type) {
        if (type == double.class || type == Double.class) {
            EnosConfigurationValidator.check(DECIMAL.matcher(text).matches(), option, text, "must be a number");
        } else if (isWhole(type) && DURATIONS.stream().anyMatch(option::equalsIgnoreCase)) {
            EnosConfigurationValidator.check(WHOLE.matcher(text).matches() || DURATION.matcher(text).matches(),
                    option, text, "must be milliseconds or a duration such as 30s, 5m or 1h30m");
        } else if (isWhole(type)) {
            EnosConfigurationValidator.check(WHOLE.matcher(text).matches() && fits(text, type), option, text,
                    "must be a whole number");
        }
    }

    private static boolean isWhole(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }

    private static boolean fits(String text, Class<?> type) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
            } else {
                Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A bean reference or an unresolved placeholder: Camel resolves it, and the bound value is checked later. */
    private static boolean isReference(String text) {
        return text.startsWith("#") || text.startsWith("{{");
    }
}
