package io.camelenos.simulator.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.wire.ApiError;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Time parameters of the alert APIs: local {@code yyyy-MM-dd HH:mm:ss[.SSS]} (read in each alert's asset timezone),
 * ISO 8601 with {@code Z} or an offset, or epoch milliseconds. Local times of responses are formatted here too.
 */
final class AlertTimes {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter LOCAL_IN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");
    private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();

    private AlertTimes() {
    }

    /** A bound: an instant, or a local time that becomes one in an asset's zone. */
    record Bound(Long millis, LocalDateTime local) {
        long millisIn(ZoneId zone) {
            return millis != null ? millis : local.atZone(zone).toInstant().toEpochMilli();
        }
    }

    /** The bound in a body or query field, or null when absent; 99400 when it is not a time. */
    static Bound parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.matches("\\d{9,}")) {
                return new Bound(Long.parseLong(t), null);
            }
            if (t.contains("T")) {
                return new Bound(t.endsWith("Z") ? Instant.parse(t).toEpochMilli()
                        : OffsetDateTime.parse(t).toInstant().toEpochMilli(), null);
            }
            return new Bound(null, LocalDateTime.parse(t, LOCAL_IN));
        } catch (DateTimeParseException e) {
            throw ApiError.invalidArgument(field, "not a time: " + text
                    + " (use yyyy-MM-dd HH:mm:ss, ISO 8601 with Z or offset, or epoch milliseconds)");
        }
    }

    static Bound parse(String field, JsonNode body) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : parse(field, v.asText());
    }

    /** A millisecond time field that must be a number (or a numeric string); 99400 otherwise. */
    static Long millis(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Bound bound = parse(field, text);
        if (bound.millis() == null) {
            return bound.local().toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        return bound.millis();
    }

    static ZoneId zone(String timezone) {
        String tz = timezone == null || timezone.isBlank() ? "UTC" : timezone;
        return ZONES.computeIfAbsent(tz, z -> {
            try {
                return z.startsWith("+") || z.startsWith("-") ? ZoneOffset.of(z) : ZoneId.of(z);
            } catch (RuntimeException e) {
                return ZoneOffset.UTC;
            }
        });
    }

    static String local(long millis, ZoneId zone) {
        return LOCAL.format(Instant.ofEpochMilli(millis).atZone(zone));
    }
}
