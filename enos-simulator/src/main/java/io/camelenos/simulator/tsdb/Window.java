package io.camelenos.simulator.tsdb;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The startTime/endTime of a request. Local time ({@code yyyy-MM-dd HH:mm:ss[.SSS]}) is read in each asset's own
 * timezone, so every asset gets its own window; ISO 8601 with an offset or Z is one window for all assets. Both ends
 * must use the same format.
 */
final class Window {

    private static final Pattern LOCAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?");
    private static final DateTimeFormatter LOCAL_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS][.SS][.S]");
    /** An offset written without a colon (+0800) or with the '+' lost to URL decoding (" 08:00"). */
    private static final Pattern LOOSE_OFFSET = Pattern.compile("(T[\\d:.]+)[ +](\\d{2}):?(\\d{2})$");

    private final LocalDateTime localStart;
    private final LocalDateTime localEnd;
    private final long utcStart;
    private final long utcEnd;

    private Window(LocalDateTime localStart, LocalDateTime localEnd, long utcStart, long utcEnd) {
        this.localStart = localStart;
        this.localEnd = localEnd;
        this.utcStart = utcStart;
        this.utcEnd = utcEnd;
    }

    static Window parse(Call call, String start, String end) {
        boolean localStartFormat = LOCAL.matcher(start).matches();
        boolean localEndFormat = LOCAL.matcher(end).matches();
        if (localStartFormat != localEndFormat) {
            throw call.invalid("endTime", "startTime and endTime must use the same format (local "
                    + "yyyy-MM-dd HH:mm:ss or ISO 8601 with offset), were " + start + " and " + end);
        }
        if (localStartFormat) {
            LocalDateTime s = LocalDateTime.parse(start, LOCAL_FORMAT);
            LocalDateTime e = LocalDateTime.parse(end, LOCAL_FORMAT);
            if (s.isAfter(e)) {
                throw call.invalid("startTime", "startTime " + start + " is after endTime " + end);
            }
            return new Window(s, e, 0, 0);
        }
        long s = iso(call, "startTime", start);
        long e = iso(call, "endTime", end);
        if (s > e) {
            throw call.invalid("startTime", "startTime " + start + " is after endTime " + end);
        }
        return new Window(null, null, s, e);
    }

    static long iso(Call call, String field, String text) {
        String t = text.replace("%2B", "+").replace("%2b", "+").replace("%3A", ":").replace("%3a", ":");
        Matcher loose = LOOSE_OFFSET.matcher(t);
        if (!t.endsWith("Z") && loose.find()) {
            t = loose.replaceFirst("$1+$2:$3");
        }
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            if (t.matches(".*T[\\d:.]+[+-]\\d{2}:\\d{2}$") || t.endsWith("Z")) {
                throw call.invalid(field, "invalid time " + text);
            }
            throw call.invalid(field, "time must be local yyyy-MM-dd HH:mm:ss[.SSS] or ISO 8601 with an offset "
                    + "(2019-06-01T00:00:00+08:00 or ...Z), was " + text);
        }
    }

    boolean local() {
        return localStart != null;
    }

    long start(ZoneId zone) {
        return local() ? localStart.atZone(zone).toInstant().toEpochMilli() : utcStart;
    }

    long end(ZoneId zone) {
        return local() ? localEnd.atZone(zone).toInstant().toEpochMilli() : utcEnd;
    }
}
