package io.camelenos.component.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.camelenos.component.EnosOptionCheck;

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
            throw EnosOptionCheck.invalid(option, value, "must be an ISO 8601 instant such as "
                                                         + "2024-01-01T00:00:00Z or a duration before now such as P7D", e);
        }
    }

    /**
     * A range the consumer can read: it starts before now, and a fixed endTime is after startTime and not in the
     * future (a bounded backfill ends at a time that has come; leave endTime out to read up to now at each poll).
     */
    static void checkRange(String startTime, String endTime, Clock clock) {
        Instant now = clock.instant();
        Instant start = parse("startTime", startTime, clock);
        EnosOptionCheck.check(!start.isAfter(now), "startTime", startTime,
                "is in the future (" + start + ", now " + now + ")");
        if (endTime == null) {
            return;
        }
        Instant end = parse("endTime", endTime, clock);
        EnosOptionCheck.check(!end.isAfter(now), "endTime", endTime,
                "is in the future (" + end + ", now " + now + "); leave it out to read up to now at each poll");
        EnosOptionCheck.check(start.isBefore(end), "startTime", startTime, "must be before endTime " + endTime);
    }

    /** The wire form of an instant: ISO 8601 UTC with milliseconds, one window for assets of every timezone. */
    static String format(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
