package io.camelenos.bench;

/** One way of reading a whole result (every asset of the org, or a TSDB window), page by page. */
public interface Drain extends AutoCloseable {

    String name();

    /** Reads every page and hands each record (or sample) it received to the tally. */
    void drain(Tally tally) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
