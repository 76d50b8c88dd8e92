package io.camelenos.bench;

/** One way of reading every asset of the org through searchAsset, page by page. */
public interface Drain extends AutoCloseable {

    String name();

    /** Reads every page and returns how many records it saw. */
    long drain() throws Exception;

    @Override
    default void close() throws Exception {
    }
}
