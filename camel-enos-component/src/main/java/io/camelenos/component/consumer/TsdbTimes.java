package io.camelenos.component.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The TSDB consumer's time options: an ISO 8601 instant ({@code 2024-01-01T00:00:00Z}, or with an offset), or a
 * duration before now ({@code P7D}, {@code PT6H}). Local times are refused: they mean a different instant for each
 * asset's timezone, which a watermark per asset cannot follow across one request.
 */
final class TsdbTimes {

    private TsdbTimes() {
    }

    static Instant parse(String option, String value, Clock clock) {
        String text = value.trim();
        try {
            if (text.startsWith("P") || text.startsWith("-P")) {
                return clock.instant().minus(Duration.parse(text.startsWith("-") ? text.substring(1) : text));
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Option " + option + " must be an ISO 8601 instant such as "
                                               + "2024-01-01T00:00:00Z or a duration before now such as P7D, was "
                                               + value, e);
        }
    }

    /** The wire form of an instant: ISO 8601 UTC with milliseconds, one window for assets of every timezone. */
    static String format(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
