package io.camelenos.component.consumer;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.camelenos.component.state.Watermarks;

/**
 * What one {@code enos:} consumer has done since it was created, for the {@code enos} dev console: pages read, records
 * routed and, for the TSDB consumer, where its watermarks stand. Counted without locks from the polling thread.
 */
public final class EnosConsumerStats {

    /** A consumer that keeps these figures. */
    public interface Source {
        EnosConsumerStats getStats();
    }

    private final LongAdder pages = new LongAdder();
    private final LongAdder records = new LongAdder();
    private volatile Supplier<Watermarks.Summary> watermarks = () -> null;

    void page() {
        pages.increment();
    }

    void record() {
        records.increment();
    }

    /** Where the consumer's watermarks are read from (the TSDB consumer's, once it has started). */
    void watermarks(Supplier<Watermarks.Summary> source) {
        this.watermarks = source;
    }

    /** Pages (answers of a paged or chunked request) the consumer has read. */
    public long pages() {
        return pages.sum();
    }

    /** Records (exchanges) the consumer has routed, whatever their outcome. */
    public long records() {
        return records.sum();
    }

    /** The watermarks of the (asset, point) pairs the consumer has met, or null for a consumer without any. */
    public Watermarks.Summary watermarks() {
        return watermarks.get();
    }
}
