package io.camelenos.component.catalog;

/**
 * What of an answer becomes the message body of a producer.
 */
public enum ResultStyle {
    /** The {@code data} member (most operations). */
    DATA,
    /**
     * Data Federation query results {@code {columns, metadata, rows}}: the body is the list of records at the
     * operation's {@code items} pointer, the column names and their JDBC type names go to headers, so that a route can
     * split the rows and insert them.
     */
    ROWS,
    /** The whole answer: the Data Federation write channel reports its per-line failures beside the code, not in data. */
    ANSWER
}
