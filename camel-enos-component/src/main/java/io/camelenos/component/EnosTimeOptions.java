package io.camelenos.component;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;

/**
 * Checks the startTime and endTime options at route start: each must be a time some EnOS API or consumer reads (local
 * {@code yyyy-MM-dd HH:mm:ss}, ISO 8601 with or without offset, a date, epoch milliseconds, or a duration before now
 * such as {@code P7D} for the TSDB consumer), and a range must not end before it starts.
 */
final class EnosTimeOptions {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private EnosTimeOptions() {
    }

    static void validate(EnosConfiguration c) {
        Object start = parse("startTime", c.getStartTime());
        Object end = parse("endTime", c.getEndTime());
        if (start != null && end != null && start.getClass() == end.getClass() && start instanceof Comparable) {
            @SuppressWarnings("unchecked")
            Comparable<Object> from = (Comparable<Object>) start;
            // equal times are a point read (the TSDB raw range includes both ends)
            EnosConfigurationValidator.check(from.compareTo(end) <= 0, "startTime", c.getStartTime(),
                    "must not be after endTime (" + c.getEndTime() + ")");
        }
    }

    /** The value as a comparable time of its kind (null when unset); fails naming the option when it is none. */
    private static Object parse(String option, String value) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        Object parsed = tryParse(text);
        EnosConfigurationValidator.check(parsed != null, option, value,
                "must be yyyy-MM-dd HH:mm:ss, an ISO 8601 time such as 2024-01-01T00:00:00Z, epoch milliseconds, "
                + "or a duration before now such as P7D");
        return parsed;
    }

    private static Object tryParse(String text) {
        if (text.matches("\\d{1,15}")) {
            return Long.parseLong(text);
        }
        try {
            if (text.startsWith("P") || text.startsWith("-P")) {
                // a longer duration is an earlier time: compare the negated amounts
                return Duration.parse(text.startsWith("-") ? text.substring(1) : text).negated();
            }
            return temporal(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Temporal temporal(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay();
        }
        if (text.length() > 10 && text.charAt(10) == ' ') {
            return LocalDateTime.parse(text, LOCAL);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text);
        }
    }
}
