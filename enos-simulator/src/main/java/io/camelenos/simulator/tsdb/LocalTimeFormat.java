package io.camelenos.simulator.tsdb;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Writes an asset's local time: {@code "2020-04-20 00:00:00"} (localTimeFormat 0) or
 * {@code "2020-04-20T00:00:00+08:00"} (1), with {@code .SSS} when localTimeAccuracy is true. The offset is looked
 * up once per DST period, and the date is computed arithmetically, so a large page formats fast.
 */
final class LocalTimeFormat {

    private final ZoneRules rules;
    private final Integer fixedOffset;
    private final boolean withZone;
    private final boolean millis;
    private long validFrom = Long.MAX_VALUE;
    private long validUntil = Long.MIN_VALUE;
    private int offsetSeconds;

    LocalTimeFormat(ZoneId zone, boolean withZone, boolean millis) {
        this.rules = zone.getRules();
        this.fixedOffset = zone instanceof ZoneOffset o ? o.getTotalSeconds()
                : rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : null;
        this.withZone = withZone;
        this.millis = millis;
    }

    private int offset(long epochMillis) {
        if (fixedOffset != null) {
            return fixedOffset;
        }
        if (epochMillis < validFrom || epochMillis >= validUntil) {
            Instant at = Instant.ofEpochMilli(epochMillis);
            offsetSeconds = rules.getOffset(at).getTotalSeconds();
            ZoneOffsetTransition previous = rules.previousTransition(at.plusMillis(1));
            ZoneOffsetTransition next = rules.nextTransition(at);
            validFrom = previous == null ? Long.MIN_VALUE : previous.getInstant().toEpochMilli();
            validUntil = next == null ? Long.MAX_VALUE : next.getInstant().toEpochMilli();
        }
        return offsetSeconds;
    }

    /** Writes the local time of an instant as a JSON string. */
    void write(JsonOut out, long epochMillis) {
        int offset = offset(epochMillis);
        long local = epochMillis + offset * 1000L;
        long days = Math.floorDiv(local, 86_400_000L);
        int msOfDay = (int) Math.floorMod(local, 86_400_000L);
        // civil-from-days (H. Hinnant): the proleptic Gregorian date of a day count since 1970-01-01
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        out.raw('"').num(year);
        out.raw('-');
        out.two(month);
        out.raw('-');
        out.two(day);
        out.raw(withZone ? 'T' : ' ');
        out.two(msOfDay / 3_600_000);
        out.raw(':');
        out.two(msOfDay / 60_000 % 60);
        out.raw(':');
        out.two(msOfDay / 1000 % 60);
        if (millis) {
            out.raw('.');
            out.three(msOfDay % 1000);
        }
        if (withZone) {
            int abs = Math.abs(offset);
            out.raw(offset < 0 ? '-' : '+');
            out.two(abs / 3600);
            out.raw(':');
            out.two(abs / 60 % 60);
        }
        out.raw('"');
    }
}
