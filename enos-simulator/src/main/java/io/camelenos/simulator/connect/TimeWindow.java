package io.camelenos.simulator.connect;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.wire.ApiError;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A search's [startTime, endTime] in epoch milliseconds. Times are {@code yyyy-MM-dd HH:mm:ss} (local time of the
 * named device, or UTC when the search names none), ISO-8601 with {@code Z} or an offset, or epoch milliseconds.
 */
final class TimeWindow {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TimeWindow() {
    }

    /** Without startTime and endTime, the last {@code defaultSpan} milliseconds up to now. */
    static long[] of(String start, String end, JsonNode device, long now, long defaultSpan) {
        long to = end == null || end.isBlank() ? now : parse("endTime", end, device);
        long from = start == null || start.isBlank() ? to - defaultSpan : parse("startTime", start, device);
        if (to < from) {
            throw ApiError.invalidArgument("endTime", "must not be before startTime");
        }
        return new long[] {from, to};
    }

    static long parse(String field, String text, JsonNode device) {
        String t = text.trim();
        if (t.matches("\\d{10,}")) {
            return Long.parseLong(t);
        }
        try {
            if (t.length() == 19 && t.charAt(10) == ' ') {
                LocalDateTime local = LocalDateTime.parse(t, LOCAL);
                return local.atZone(device == null ? ZoneOffset.UTC : Commands.zone(device)).toInstant().toEpochMilli();
            }
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ApiError.invalidArgument(field, "expected yyyy-MM-dd HH:mm:ss or ISO-8601 time, was " + text);
        }
    }
}
