package io.camelenos.simulator.alert;

import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.TimeSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Computes the alerts rules raise over the fleet's time series: an alert starts at the first sample where the
 * rule's condition holds and recovers at the first later sample where it does not. Only a bounded recent window
 * is evaluated ({@value #WINDOW_DAYS} days before the clock, over the first {@value #MAX_ASSETS} generated assets);
 * each (rule, asset, UTC day) is evaluated once and cached, since the series does not depend on the clock — the
 * clock only decides which episodes have started and which have recovered.
 */
final class AlertGenerator {

    /** Days before "now" whose alerts are computed (older generated alerts do not exist). */
    static final int WINDOW_DAYS = 7;
    /** Generated assets that can raise alerts (all of them on fleets up to this size). */
    static final int MAX_ASSETS = 500;
    /** How far back an episode running at the start of the window is followed to find when it began. */
    static final int MAX_LOOKBACK_DAYS = 30;
    static final long DAY = 86_400_000L;
    private static final int CACHE_LIMIT = 200_000;

    /** A run of samples where a condition holds: [start, end); end is the first sample where it no longer does. */
    record Episode(long start, long end) {
    }

    private final DataSet dataSet;
    private final TimeSeries series;
    private final Map<String, long[]> dayRuns = new ConcurrentHashMap<>();
    /** A day's samples of a point, kept while rules on the same point are evaluated (see {@link #forget()}). */
    private final Map<String, double[]> dayValues = new ConcurrentHashMap<>();

    AlertGenerator(DataSet dataSet) {
        this.dataSet = dataSet;
        this.series = new TimeSeries(dataSet);
    }

    TimeSeries series() {
        return series;
    }

    /** The asset indexes a rule is evaluated on (its model's assets among the bounded set). */
    void forEachAsset(AlertCatalog.GeneratingRule rule, Consumer<Integer> visitor) {
        int bound = Math.min(dataSet.baseAssetCount(), MAX_ASSETS);
        for (int i = 0; i < bound; i++) {
            if (dataSet.modelOf(i) == rule.model()) {
                visitor.accept(i);
            }
        }
    }

    /** The episodes of a rule on an asset that started in the window and at or before {@code now}. */
    List<Episode> episodes(AlertCatalog.GeneratingRule rule, int asset, long now) {
        if (dayRuns.size() > CACHE_LIMIT) {
            dayRuns.clear();
        }
        long nowDay = Math.floorDiv(now, DAY);
        long firstDay = nowDay - WINDOW_DAYS;
        List<Episode> result = new ArrayList<>();
        long pending = -1; // start of a run that was still on at the end of the previous day
        for (long day = firstDay; day <= nowDay; day++) {
            long dayStart = day * DAY;
            long[] runs = runs(rule, asset, day);
            if (pending >= 0 && (runs.length == 0 || runs[0] != dayStart)) {
                result.add(new Episode(pending, dayStart)); // off at the first sample of this day
                pending = -1;
            }
            for (int r = 0; r < runs.length; r += 2) {
                long start = runs[r];
                if (pending >= 0) {
                    start = pending;
                    pending = -1;
                } else if (day == firstDay && start == dayStart) {
                    start = startBefore(rule, asset, day);
                }
                if (runs[r + 1] == dayStart + DAY) {
                    pending = start;
                } else {
                    result.add(new Episode(start, runs[r + 1]));
                }
            }
        }
        if (pending >= 0) {
            result.add(new Episode(pending, Long.MAX_VALUE));
        }
        return raised(result, rule.delayMillis(), now);
    }

    /**
     * The alerts of the runs: a rule with a triggering delay raises an alert only when its condition has held that
     * long, at the sample where it has (that is the alert's occurTime); shorter runs raise nothing.
     */
    private static List<Episode> raised(List<Episode> runs, long delay, long now) {
        List<Episode> result = new ArrayList<>(runs.size());
        for (Episode run : runs) {
            long occur = run.start() + delay;
            if (occur < run.end() && occur <= now) {
                result.add(new Episode(occur, run.end()));
            }
        }
        return result;
    }

    /** Follows a run that is on at the start of {@code day} back to where it began (bounded). */
    private long startBefore(AlertCatalog.GeneratingRule rule, int asset, long day) {
        long start = day * DAY;
        for (int back = 1; back <= MAX_LOOKBACK_DAYS; back++) {
            long[] runs = runs(rule, asset, day - back);
            if (runs.length == 0 || runs[runs.length - 1] != (day - back + 1) * DAY) {
                return start;
            }
            start = runs[runs.length - 2];
            if (start != (day - back) * DAY) {
                return start;
            }
        }
        return start;
    }

    /**
     * The runs of one UTC day as [start, end) pairs; a run still on at the day's last sample ends at the day's end.
     */
    private long[] runs(AlertCatalog.GeneratingRule rule, int asset, long day) {
        return dayRuns.computeIfAbsent(rule.cacheKey() + "|" + asset + "|" + day, k -> evaluate(rule, asset, day));
    }

    private double[] values(int asset, PointDef point, long dayStart) {
        long interval = TimeSeries.intervalMillis(point);
        double[] result = new double[(int) (DAY / interval)];
        for (int i = 0; i < result.length; i++) {
            result[i] = series.value(asset, point, dayStart + i * interval);
        }
        return result;
    }

    /** Drops the sample values (the runs stay cached): they only serve rules that share a point in one pass. */
    void forget() {
        dayValues.clear();
    }

    private long[] evaluate(AlertCatalog.GeneratingRule rule, int asset, long day) {
        PointDef point = rule.point();
        long interval = TimeSeries.intervalMillis(point);
        long dayStart = day * DAY;
        if (dayStart % interval != 0) {
            throw new IllegalStateException("sampling interval of " + point.id() + " does not divide a day");
        }
        long dayEnd = dayStart + DAY;
        List<Long> bounds = new ArrayList<>();
        boolean on = false;
        double[] values = dayValues.computeIfAbsent(asset + "|" + point.id() + "|" + day,
                k -> values(asset, point, dayStart));
        for (int i = 0; i < values.length; i++) {
            long t = dayStart + i * interval;
            boolean holds = rule.condition().holds(values[i]);
            if (holds != on) {
                bounds.add(t);
                on = holds;
            }
        }
        if (on) {
            bounds.add(dayEnd);
        }
        long[] result = new long[bounds.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = bounds.get(i);
        }
        return result;
    }
}
