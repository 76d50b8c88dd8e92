package io.camelenos.simulator.data;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The measure-point values of the fleet, computed from (seed, asset, point, time) so that any range of any asset can
 * be read without storage. A point has a sample at every multiple of its sampling interval (epoch-aligned), except
 * for rare deterministic gaps; values follow the physics loosely: power follows the wind or the sun of the asset's
 * local day, DI states change now and then, PI counters only grow.
 */
public final class TimeSeries {

    /** Quality flags: 0 good, 1 uncertain, 2 bad (EnOS reports quality beside the value when asked). */
    public static final int GOOD = 0;
    private static final double GAP_SHARE = 0.002;
    private static final double UNCERTAIN_SHARE = 0.01;
    private static final long DAY_MILLIS = 86_400_000L;

    private final DataSet dataSet;
    /** Parsed timezones by their text (parsing one per value was most of the cost of solar values). */
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();
    private final Map<ZoneId, OffsetSpan> offsets = new ConcurrentHashMap<>();

    public TimeSeries(DataSet dataSet) {
        this.dataSet = dataSet;
    }

    public static long intervalMillis(PointDef point) {
        return point.intervalSeconds() * 1000L;
    }

    /** The first sample time at or after {@code millis}. */
    public static long firstSampleAtOrAfter(PointDef point, long millis) {
        long interval = intervalMillis(point);
        return Math.floorDiv(millis + interval - 1, interval) * interval;
    }

    /** Whether the point has a sample at this (interval-aligned) time: false for the rare gaps. */
    public boolean hasSample(int assetIndex, PointDef point, long millis) {
        return millis % intervalMillis(point) == 0 && unit(assetIndex, point, millis, 1) >= GAP_SHARE;
    }

    /** 0 good, 1 uncertain (about 1% of samples), for points with quality. */
    public int quality(int assetIndex, PointDef point, long millis) {
        return point.hasQuality() && unit(assetIndex, point, millis, 2) < UNCERTAIN_SHARE ? 1 : GOOD;
    }

    /** The value of a point at a time (interval-aligned or not: the function is defined everywhere). */
    public double value(int assetIndex, PointDef point, long millis) {
        String id = point.id();
        if (point.signalType().equals("DI")) {
            return state(assetIndex, point, millis);
        }
        if (point.signalType().equals("PI")) {
            return counter(assetIndex, millis);
        }
        if (id.endsWith("WindSpeed")) {
            return round(windSpeed(assetIndex, millis), 2);
        }
        if (id.endsWith("Irradiance")) {
            return round(1000 * sun(assetIndex, millis) * cloud(assetIndex, millis), 1);
        }
        if (id.endsWith("ActivePW") || id.endsWith("ActivePower")) {
            return round(power(assetIndex, millis), 2);
        }
        if (id.endsWith("Frequency")) {
            return round(50 + 0.05 * wave(assetIndex, millis, 600_000L), 3);
        }
        if (id.endsWith("Temperature")) {
            return round(35 + 30 * sun(assetIndex, millis) + 3 * noise(assetIndex, point, millis), 1);
        }
        if (id.endsWith("DCVoltage")) {
            return round(sun(assetIndex, millis) > 0 ? 600 + 150 * sun(assetIndex, millis) : 0, 1);
        }
        if (id.endsWith("RotorSpeed")) {
            return round(Math.min(16, windSpeed(assetIndex, millis) * 1.4), 2);
        }
        return round(100 * (1 + wave(assetIndex, millis, DAY_MILLIS)), 2);
    }

    /** A DI state: mostly 1 (running); 0 stopped at night for solar, 2 limited and 3 fault now and then. */
    private int state(int assetIndex, PointDef point, long millis) {
        long hour = Math.floorDiv(millis, 3_600_000L);
        double u = unit(assetIndex, point, hour, 3);
        if (u < 0.01) {
            return 3;
        }
        if (u < 0.05) {
            return 2;
        }
        boolean solar = dataSet.modelOf(assetIndex) == ThingModels.INVERTER;
        return solar && sun(assetIndex, millis) == 0 ? 0 : 1;
    }

    /** Energy counter in kWh: grows with an average capacity factor, so it is monotonic in time. */
    private double counter(int assetIndex, long millis) {
        double hours = (millis - DataSet.EPOCH_MILLIS) / 3_600_000.0;
        double rated = ratedKw(assetIndex);
        return round(Math.max(0, hours) * rated * 0.3 + 1000 * (assetIndex % 7), 1);
    }

    private double power(int assetIndex, long millis) {
        ThingModel model = dataSet.modelOf(assetIndex);
        double rated = ratedKw(assetIndex);
        if (model == ThingModels.WIND_TURBINE || model == ThingModels.WIND_FARM) {
            double v = windSpeed(assetIndex, millis);
            double fraction = v < 3 ? 0 : v >= 12 ? 1 : Math.pow((v - 3) / 9, 3);
            return rated * fraction;
        }
        if (model == ThingModels.METER) {
            return rated * 0.8 * (0.5 + 0.5 * Math.max(sun(assetIndex, millis), 0.4 + 0.1 * wave(assetIndex, millis, DAY_MILLIS)));
        }
        return rated * sun(assetIndex, millis) * cloud(assetIndex, millis);
    }

    private double ratedKw(int assetIndex) {
        ThingModel model = dataSet.modelOf(assetIndex);
        if (model.site()) {
            return 1000.0 * (20 + dataSet.pick(assetIndex, 3, 180));
        }
        if (model == ThingModels.WIND_TURBINE) {
            return 2000 + 500 * dataSet.pick(assetIndex, 7, 5);
        }
        if (model == ThingModels.INVERTER) {
            return 100 + 25 * dataSet.pick(assetIndex, 7, 8);
        }
        return 5000;
    }

    /** Wind in m/s: a daily swell, a slower weather wave per site, and a little gust noise. */
    private double windSpeed(int assetIndex, long millis) {
        int site = DataSet.siteIndexOf(assetIndex);
        double weather = wave(site, millis, 4 * DAY_MILLIS);
        double daily = wave(site, millis, DAY_MILLIS);
        return Math.max(0, 7.5 + 4 * weather + 1.5 * daily + 0.8 * noise(assetIndex, null, millis / 60_000L));
    }

    /** 0 at night, up to 1 at local noon, in the asset's own timezone. */
    private double sun(int assetIndex, long millis) {
        // The local hour and minute from the zone's offset: what ZonedDateTime answers, without building one.
        int offset = offsetSeconds(zone(assetIndex), millis);
        long secondOfDay = Math.floorMod(Math.floorDiv(millis, 1000L) + offset, 86_400L);
        double hour = secondOfDay / 3600 + (secondOfDay % 3600 / 60) / 60.0;
        return hour < 6 || hour > 18 ? 0 : Math.sin(Math.PI * (hour - 6) / 12);
    }

    private double cloud(int assetIndex, long millis) {
        int site = DataSet.siteIndexOf(assetIndex);
        return 0.75 + 0.25 * wave(site + 7, millis, 3 * 3_600_000L);
    }

    /** A zone's UTC offset at an instant, from the offset period last looked up for that zone. */
    private int offsetSeconds(ZoneId zone, long millis) {
        OffsetSpan span = offsets.get(zone);
        if (span == null || millis < span.from() || millis >= span.until()) {
            ZoneRules rules = zone.getRules();
            Instant at = Instant.ofEpochMilli(millis);
            ZoneOffsetTransition previous = rules.previousTransition(at.plusMillis(1));
            ZoneOffsetTransition next = rules.nextTransition(at);
            span = new OffsetSpan(previous == null ? Long.MIN_VALUE : previous.toEpochSecond() * 1000,
                    next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000, rules.getOffset(at).getTotalSeconds());
            offsets.put(zone, span);
        }
        return span.offsetSeconds();
    }

    /** The offset of a zone between two transitions. */
    private record OffsetSpan(long from, long until, int offsetSeconds) {
    }

    public ZoneId zone(int assetIndex) {
        return zones.computeIfAbsent(dataSet.timezoneOf(assetIndex),
                tz -> tz.startsWith("+") || tz.startsWith("-") ? ZoneOffset.of(tz) : ZoneId.of(tz));
    }

    /** A sine wave in [-1, 1] of the given period with a phase per key. */
    private double wave(long key, long millis, long periodMillis) {
        double phase = (DataSet.mix(dataSet.seed() ^ key * 0x9E3779B97F4A7C15L) & 0xFFFF) / 65536.0;
        return Math.sin(2 * Math.PI * ((double) Math.floorMod(millis, periodMillis) / periodMillis + phase));
    }

    /** Deterministic noise in [-1, 1]. */
    private double noise(int assetIndex, PointDef point, long key) {
        return unit(assetIndex, point, key, 4) * 2 - 1;
    }

    /** A deterministic number in [0, 1) for (seed, asset, point, key, salt). */
    private double unit(int assetIndex, PointDef point, long key, int salt) {
        long h = dataSet.seed() * 0x632BE59BD9B4E019L + assetIndex * 0x9E3779B97F4A7C15L
                + (point == null ? 0 : point.id().hashCode()) * 0xC2B2AE3D27D4EB4FL + key * 31 + salt;
        return (DataSet.mix(h) >>> 11) / (double) (1L << 53);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
