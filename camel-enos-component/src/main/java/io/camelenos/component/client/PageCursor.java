package io.camelenos.component.client;

/**
 * Which page of a search to ask for. Null members are left out of the request.
 *
 * @param pageNo    page number of a page-number search (1 = first)
 * @param pageSize  records per page
 * @param pageToken scroll token of a scroll search (null = first page)
 */
public record PageCursor(Integer pageNo, Integer pageSize, String pageToken) {
}
