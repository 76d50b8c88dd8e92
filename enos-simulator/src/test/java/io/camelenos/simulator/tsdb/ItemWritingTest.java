package io.camelenos.simulator.tsdb;

import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written number and local-time output of TSDB answers agrees with the JDK's. */
class ItemWritingTest {

    @Test
    void numbersParseBackToTheSameDouble() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        double[] fixed = {0, -0.0, 0.5, -0.001, 12.3, 12.05, 1e-4, 123456789.125, 37_500_000.1, -2.5, 1e15, 3.14159,
                Double.MIN_VALUE, Double.MAX_VALUE};
        for (double v : fixed) {
            assertRoundTrip(v);
        }
        for (int i = 0; i < 20_000; i++) {
            assertRoundTrip(Math.round(random.nextDouble(-1e7, 1e7) * 1000) / 1000.0);
            assertRoundTrip(random.nextDouble(-1e6, 1e6));
        }
        JsonOut longs = new JsonOut(8);
        longs.raw('[').num(Long.MIN_VALUE).raw(',').num(-1L).raw(',').num(0L).raw(',').num(1704067200000L).raw(']');
        assertEquals("[" + Long.MIN_VALUE + ",-1,0,1704067200000]", longs.toString());
    }

    private static void assertRoundTrip(double v) throws Exception {
        JsonOut out = new JsonOut(8);
        out.num(v);
        assertEquals(v, Json.MAPPER.readTree(out.toString()).asDouble(), 0.0, out.toString());
    }

    @Test
    void localTimesEqualTheJdksInEveryZoneAcrossDaylightSaving() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        for (String zone : List.of("Australia/Sydney", "Europe/Berlin", "America/Chicago", "UTC", "+08:00", "-05:30")) {
            ZoneId id = ZoneId.of(zone);
            DateTimeFormatter plain = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(id);
            DateTimeFormatter zoned = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(id);
            LocalTimeFormat local0 = new LocalTimeFormat(id, false, false);
            LocalTimeFormat local1 = new LocalTimeFormat(id, true, true);
            long t = Instant.parse("2023-12-01T00:00:00Z").toEpochMilli();
            for (int i = 0; i < 5_000; i++) {
                t += random.nextLong(1, 8 * 3_600_000L);
                if (i % 500 == 0) {
                    t -= random.nextLong(0, 300L * 86_400_000L); // jump back: the cached period must be left
                }
                JsonOut a = new JsonOut(8);
                local0.write(a, t);
                assertEquals('"' + plain.format(Instant.ofEpochMilli(t)) + '"', a.toString(), zone);
                JsonOut b = new JsonOut(8);
                local1.write(b, t);
                assertEquals('"' + zoned.format(Instant.ofEpochMilli(t)) + '"', b.toString(), zone);
            }
        }
    }
}
