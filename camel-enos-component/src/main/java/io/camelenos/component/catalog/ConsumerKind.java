package io.camelenos.component.catalog;

import java.util.Arrays;
import java.util.Locale;

/**
 * The polling consumer an operation gets, as its catalogue entry states it ({@code "consumer": "search"}). The
 * catalogue is the only place that says which operations can be polled: the consumer factory, the docs and the tests
 * read it from here.
 */
public enum ConsumerKind {
    /** No consumer: the operation can only be called by a producer. */
    NONE,
    /** Polls a paged search to its end every poll, optionally emitting only changes. */
    SEARCH,
    /** Follows TSDB readings by time range with a watermark. */
    TSDB,
    /** Emits new active alerts and, from the alert history, the recovered ones. */
    ALERT;

    /** The kind named in the catalogue, lower case; an absent field means {@link #NONE}. */
    static ConsumerKind ofCatalogue(String name) {
        if (name.isEmpty()) {
            return NONE;
        }
        return Arrays.stream(values()).filter(kind -> kind != NONE && kind.catalogueName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown consumer kind '" + name + "' in the catalogue; "
                                                              + "known: search, tsdb, alert"));
    }

    /** The name used in the catalogue and the docs, e.g. {@code search}. */
    public String catalogueName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
