package io.camelenos.simulator.tsdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.data.MeasurementOverlay;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.TimeSeries;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;

/**
 * What the TSDB holds for one request, frozen at the emulator's "now": the computed {@link TimeSeries} samples from
 * {@link DataSet#EPOCH_MILLIS} to now, with the written values of the {@link MeasurementOverlay} on top.
 */
final class Readings {

    private final TimeSeries series;
    private final MeasurementOverlay overlay;
    private final long now;

    Readings(SimContext context) {
        this.series = context.shared(TimeSeries.class, c -> new TimeSeries(c.dataSet()));
        this.overlay = context.shared(MeasurementOverlay.class, c -> new MeasurementOverlay());
        this.now = context.clock().nowMillis();
    }

    long now() {
        return now;
    }

    MeasurementOverlay overlay() {
        return overlay;
    }

    /** The samples of a point with timestamps in [from, to] (both inclusive), clamped to [EPOCH, now]. */
    Cursor cursor(AssetRef asset, PointDef point, long from, long to, boolean desc) {
        long lo = Math.max(from, DataSet.EPOCH_MILLIS);
        long hi = Math.min(to, now);
        NavigableMap<Long, MeasurementOverlay.Sample> written = overlay.written(asset.id(), point.id());
        NavigableMap<Long, MeasurementOverlay.Sample> range = written == null || lo > hi ? null
                : written.subMap(lo, true, hi, true);
        return new Cursor(asset.index(), point, lo, hi, desc, range == null ? null
                : (desc ? range.descendingMap() : range).entrySet().iterator());
    }

    /** The value at an instant: the written one, else the computed function (NaN for assets with no computed data). */
    double valueAt(AssetRef asset, PointDef point, long millis) {
        NavigableMap<Long, MeasurementOverlay.Sample> written = overlay.written(asset.id(), point.id());
        MeasurementOverlay.Sample sample = written == null ? null : written.get(millis);
        if (sample != null) {
            return sample.value().isNumber() ? sample.value().asDouble() : Double.NaN;
        }
        return asset.index() < 0 ? Double.NaN : series.value(asset.index(), point, millis);
    }

    /** Walks the samples of one point in time order: computed ones merged with written ones (written win). */
    final class Cursor {
        private static final long NONE = Long.MIN_VALUE;

        long time;
        double number;
        /** A non-numeric written value, else null. */
        JsonNode text;
        private int writtenQuality;

        private final int index;
        private final PointDef point;
        private final long lo;
        private final long hi;
        private final boolean desc;
        private final long interval;
        private final Iterator<Map.Entry<Long, MeasurementOverlay.Sample>> written;
        private long candidate;
        private long computed = NONE;
        private Map.Entry<Long, MeasurementOverlay.Sample> pendingWritten;

        Cursor(int index, PointDef point, long lo, long hi, boolean desc,
               Iterator<Map.Entry<Long, MeasurementOverlay.Sample>> written) {
            this.index = index;
            this.point = point;
            this.lo = lo;
            this.hi = hi;
            this.desc = desc;
            this.interval = TimeSeries.intervalMillis(point);
            this.written = written;
            this.candidate = index < 0 || lo > hi ? NONE
                    : desc ? Math.floorDiv(hi, interval) * interval : TimeSeries.firstSampleAtOrAfter(point, lo);
            this.pendingWritten = written != null && written.hasNext() ? written.next() : null;
            this.computed = nextComputed();
        }

        private long nextComputed() {
            if (candidate == NONE) {
                return NONE;
            }
            while (desc ? candidate >= lo : candidate <= hi) {
                long t = candidate;
                candidate += desc ? -interval : interval;
                if (series.hasSample(index, point, t)) {
                    return t;
                }
            }
            candidate = NONE;
            return NONE;
        }

        /** The quality flag of the current sample (computed on demand: most reads do not ask for it). */
        int quality() {
            return writtenQuality >= 0 ? writtenQuality : series.quality(index, point, time);
        }

        boolean next() {
            boolean hasWritten = pendingWritten != null;
            if (computed == NONE && !hasWritten) {
                return false;
            }
            boolean takeWritten = hasWritten && (computed == NONE
                    || (desc ? pendingWritten.getKey() >= computed : pendingWritten.getKey() <= computed));
            if (takeWritten) {
                time = pendingWritten.getKey();
                JsonNode value = pendingWritten.getValue().value();
                text = value.isNumber() ? null : value;
                number = value.isNumber() ? value.asDouble() : Double.NaN;
                writtenQuality = pendingWritten.getValue().quality();
                if (computed == time) {
                    computed = nextComputed();
                }
                pendingWritten = written.hasNext() ? written.next() : null;
            } else {
                time = computed;
                number = series.value(index, point, time);
                text = null;
                writtenQuality = -1;
                computed = nextComputed();
            }
            return true;
        }
    }
}
