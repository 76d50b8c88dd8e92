package io.camelenos.bench;

import java.util.HashSet;
import java.util.Set;

/**
 * What a drain received, to check that it received every record exactly once. The exact form keeps every key (for
 * the warm-up round); the cheap form keeps a count and an order-free checksum of the keys (for the measured rounds,
 * so that the check costs every case the same few nanoseconds per record) and is compared with an exact tally.
 */
public final class Tally {

    private final Set<String> keys;
    private long count;
    private long checksum;
    private long duplicates;

    private Tally(boolean exact) {
        this.keys = exact ? new HashSet<>() : null;
    }

    public static Tally exact() {
        return new Tally(true);
    }

    public static Tally cheap() {
        return new Tally(false);
    }

    /** One search record, by its id. */
    public void record(String id) {
        add(id.hashCode(), id);
    }

    /** One time-series sample. */
    public void sample(String assetId, String pointId, long timestamp) {
        long hash = (assetId.hashCode() * 31L + pointId.hashCode()) * 1_000_003L + timestamp;
        add(hash, keys == null ? null : assetId + "/" + pointId + "/" + timestamp);
    }

    private void add(long hash, String key) {
        count++;
        checksum += mix(hash);
        if (keys != null && !keys.add(key)) {
            duplicates++;
        }
    }

    public long count() {
        return count;
    }

    /**
     * Throws unless this tally holds the same records as the reference, exactly once each.
     *
     * @param name what received them, for the message
     */
    public void check(String name, Tally reference) {
        if (duplicates > 0) {
            throw new IllegalStateException(name + " received " + duplicates + " records more than once");
        }
        if (count != reference.count || checksum != reference.checksum) {
            throw new IllegalStateException(name + " received " + count + " records, expected " + reference.count
                                            + (count == reference.count ? " (not the same ones)" : ""));
        }
    }

    /** Throws unless this exact tally holds the expected number of distinct records. */
    public void checkDistinct(String name, long expected) {
        if (keys == null || keys.size() != expected || duplicates > 0) {
            throw new IllegalStateException(name + " received " + count + " records (" + duplicates
                                            + " twice), expected " + expected + " distinct ones");
        }
    }

    /** SplitMix64's finaliser: spreads each key's hash over 64 bits so that the sum is a fair checksum. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
