package io.camelenos.component.state;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.spi.StateRepository;

/**
 * The TSDB consumer's progress per (asset, point), kept in a Camel {@link StateRepository}: a watermark below which
 * every record has been delivered, and the timestamps delivered above {@code watermark - lookback} (the records a
 * lookback re-reads, or delivered after an earlier record of the same pair failed). A record is new unless its
 * timestamp is at or below {@code watermark - lookback} or among those timestamps.
 * <p>
 * A watermark moves only when an exchange completed; after a failure it stays for the rest of the poll, so the next
 * poll reads the failed record again. Entries are written by {@link #save()}, which the consumer calls once the
 * exchanges of a request have completed (and when it stops, from another thread: hence the locks).
 */
public final class Watermarks {

    private final StateRepository<String, String> repository;
    private final String prefix;
    private final long lookback;
    private final long initial;
    private final Map<String, Pair> pairs = new HashMap<>();

    /**
     * @param initial the watermark of a pair with no state: one millisecond before the first timestamp to read
     */
    public Watermarks(StateRepository<String, String> repository, String prefix, long lookback, long initial) {
        this.repository = repository;
        this.prefix = prefix;
        this.lookback = lookback;
        this.initial = initial;
    }

    /** The state of one (asset, point), loaded on first use. */
    public synchronized Pair of(String assetId, String pointId) {
        return pairs.computeIfAbsent(assetId + "/" + pointId, this::load);
    }

    /** A new poll: pairs blocked by a failure in the last poll may move again. */
    public synchronized void beginPoll() {
        pairs.values().forEach(p -> p.blocked = false);
    }

    /** Writes every pair that changed since the last save. */
    public synchronized void save() {
        for (Map.Entry<String, Pair> e : pairs.entrySet()) {
            Pair p = e.getValue();
            if (p.dirty) {
                p.prune(lookback);
                repository.setState(prefix + ":" + e.getKey(), p.encode());
                p.dirty = false;
            }
        }
    }

    /**
     * How far the pairs met since the consumer started have got: their number and their oldest and newest watermarks
     * (epoch milliseconds; the oldest is how far behind the slowest pair is).
     *
     * @param pairs  the (asset, point) pairs held
     * @param oldest the lowest watermark, or Long.MIN_VALUE without pairs
     * @param newest the highest watermark, or Long.MIN_VALUE without pairs
     */
    public record Summary(int pairs, long oldest, long newest) {
    }

    /** The summary of the pairs held now. */
    public synchronized Summary summary() {
        long oldest = Long.MAX_VALUE;
        long newest = Long.MIN_VALUE;
        for (Pair p : pairs.values()) {
            oldest = Math.min(oldest, p.watermark);
            newest = Math.max(newest, p.watermark);
        }
        return new Summary(pairs.size(), pairs.isEmpty() ? Long.MIN_VALUE : oldest, newest);
    }

    private Pair load(String key) {
        String stored = repository.getState(prefix + ":" + key);
        Pair pair = new Pair(initial);
        if (stored != null && !stored.isEmpty()) {
            String[] parts = stored.split("\\|", 2);
            pair.watermark = Long.parseLong(parts[0]);
            if (parts.length > 1) {
                Arrays.stream(parts[1].split(",")).map(Long::valueOf).forEach(pair.delivered::add);
            }
        }
        return pair;
    }

    /** One (asset, point). */
    public final class Pair {
        private long watermark;
        private Set<Long> delivered = new HashSet<>();
        private boolean blocked;
        private boolean dirty;

        private Pair(long watermark) {
            this.watermark = watermark;
        }

        /** The first timestamp the next read of this pair must include. */
        public long readFrom() {
            synchronized (Watermarks.this) {
                return Math.max(initial, watermark - lookback) + 1;
            }
        }

        public long watermark() {
            synchronized (Watermarks.this) {
                return watermark;
            }
        }

        public boolean isNew(long timestamp) {
            synchronized (Watermarks.this) {
                // the set is empty on a plain forward read: no boxed timestamp to look up then
                return timestamp > initial && timestamp > watermark - lookback
                       && (delivered.isEmpty() || !delivered.contains(timestamp));
            }
        }

        /**
         * Whether every timestamp from this one on is new: a page whose earliest sample of this pair passes needs no
         * look-up per sample.
         */
        public boolean isNewFrom(long timestamp) {
            synchronized (Watermarks.this) {
                return timestamp > initial && timestamp > watermark - lookback && delivered.isEmpty();
            }
        }

        /**
         * The exchanges of this pair's samples up to this timestamp completed, in one step rather than
         * {@link #delivered(long)} for each: possible, and done, only when no timestamp needs to be kept (no lookback,
         * no failure earlier in the poll). False when nothing was done and the caller must report each sample.
         */
        public boolean deliveredUpTo(long maxTimestamp) {
            synchronized (Watermarks.this) {
                if (lookback > 0 || blocked) {
                    return false;
                }
                if (maxTimestamp > watermark) {
                    watermark = maxTimestamp;
                }
                dirty = true;
                return true;
            }
        }

        /** The exchange of the record at this timestamp completed. */
        public void delivered(long timestamp) {
            synchronized (Watermarks.this) {
                if (!blocked && timestamp > watermark) {
                    watermark = timestamp;
                }
                if (timestamp > watermark - lookback) {
                    delivered.add(timestamp); // only what a later read may meet again
                }
                dirty = true;
            }
        }

        /** The exchange of the record at this timestamp failed: hold the watermark for the rest of the poll. */
        public void failed() {
            synchronized (Watermarks.this) {
                blocked = true;
            }
        }

        /** Everything up to this instant has been read and delivered (there may simply be no record there). */
        public void readUpTo(long timestamp) {
            synchronized (Watermarks.this) {
                if (!blocked && timestamp > watermark) {
                    watermark = timestamp;
                    dirty = true;
                }
            }
        }

        private void prune(long lookbackMillis) {
            long floor = watermark - lookbackMillis;
            delivered.removeIf(t -> t <= floor);
        }

        private String encode() {
            if (delivered.isEmpty()) {
                return Long.toString(watermark);
            }
            return watermark + "|" + delivered.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        }
    }
}
