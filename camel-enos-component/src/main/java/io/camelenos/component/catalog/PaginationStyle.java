package io.camelenos.component.catalog;

/**
 * How an operation pages its results (reference §2).
 */
public enum PaginationStyle {
    /** One answer, no paging. */
    NONE,
    /** Body {@code pagination {pageNo, pageSize}}; response {@code pagination {pageNo, pageSize, totalSize}}. */
    PAGE,
    /** Body {@code scroll {pageSize, pageToken}}; response {@code data.pageToken}, absent on the last page. */
    SCROLL
}
