package io.camelenos.component.consumer;

import java.util.Arrays;

import io.camelenos.component.state.Watermarks;

/**
 * The samples routed in one exchange, as (watermark, timestamp) pairs in two arrays rather than a list and two
 * closures per record: when the exchange completes they move their watermarks, when it fails they hold them.
 */
final class TsdbSamples {

    private Watermarks.Pair[] pairs;
    private long[] timestamps;
    private int size;

    TsdbSamples(int capacity) {
        this.pairs = new Watermarks.Pair[Math.max(1, capacity)];
        this.timestamps = new long[pairs.length];
    }

    void add(Watermarks.Pair pair, long timestamp) {
        if (size == pairs.length) {
            pairs = Arrays.copyOf(pairs, size * 2);
            timestamps = Arrays.copyOf(timestamps, size * 2);
        }
        pairs[size] = pair;
        timestamps[size++] = timestamp;
    }

    int size() {
        return size;
    }

    /** The exchange completed (true) or failed (false). */
    void outcome(boolean ok) {
        for (int i = 0; i < size; i++) {
            if (ok) {
                pairs[i].delivered(timestamps[i]);
            } else {
                pairs[i].failed();
            }
        }
    }
}
