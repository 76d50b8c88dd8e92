package io.camelenos.component.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.catalog.EnosOperation;

/**
 * Which page of a search comes first and which follows which, by the rules of the operation's service (reference §2):
 * page numbers from 1 (DM services) or 0 (App Portal, batch), scroll tokens, and no explicit "last page" marker.
 */
public final class Pages {

    /** The total-count fields the services use: DM searches, the App Portal, its message list, batch instances. */
    private static final String[] TOTAL_FIELDS = { "totalSize", "totalElements", "total", "count" };

    private Pages() {
    }

    /** The cursor of the first page, with the given page size (null = the service's default). */
    public static PageCursor first(EnosOperation op, Integer pageSize) {
        return switch (op.pagination()) {
            case NONE, SCROLL -> new PageCursor(null, pageSize, null);
            case PAGE -> new PageCursor(op.firstPage(), pageSize, null);
        };
    }

    /** The cursor of the page after this one, or null on the last page. */
    public static PageCursor following(EnosOperation op, PageCursor cursor, EnosReply reply, int count) {
        if (count == 0) {
            return null;
        }
        return switch (op.pagination()) {
            case NONE -> null;
            case PAGE -> nextPage(op, cursor, pagination(op, reply), count);
            case SCROLL -> {
                String token = reply.data().path("pageToken").asText("");
                yield token.isEmpty() ? null : new PageCursor(null, cursor.pageSize(), token);
            }
        };
    }

    /** The pagination member of a page-number answer (a missing node when absent). */
    public static JsonNode pagination(EnosOperation op, EnosReply reply) {
        return reply.root().at(op.paginationAt());
    }

    /** The total number of records a page-number answer announces, or -1 when it announces none. */
    public static long total(JsonNode pagination) {
        for (String field : TOTAL_FIELDS) {
            if (pagination.path(field).canConvertToLong()) {
                return pagination.path(field).asLong();
            }
        }
        return -1;
    }

    /**
     * The number of the last page that the total of a page-number answer implies, or -1 when it announces no total:
     * how far a search may request pages ahead.
     */
    public static int lastPageNo(EnosOperation op, PageCursor cursor, EnosReply reply, int count) {
        JsonNode pagination = pagination(op, reply);
        long total = total(pagination);
        int pageSize = cursor.pageSize() != null ? cursor.pageSize() : pagination.path("pageSize").asInt(count);
        if (total < 0 || pageSize <= 0) {
            return -1;
        }
        return (int) Math.min(Integer.MAX_VALUE, op.firstPage() + (total + pageSize - 1) / pageSize - 1);
    }

    private static PageCursor nextPage(EnosOperation op, PageCursor cursor, JsonNode pagination, int count) {
        int pageNo = cursor.pageNo() == null ? pagination.path("pageNo").asInt(op.firstPage()) : cursor.pageNo();
        Integer requested = cursor.pageSize();
        int pageSize = requested != null ? requested : pagination.path("pageSize").asInt(count);
        long total = total(pagination);
        long seen = (long) (pageNo - op.firstPage() + 1) * pageSize;
        // trust the total when the service announces one, else a short page ends the search
        boolean more = total >= 0 ? seen < total : count >= pageSize;
        return more ? new PageCursor(pageNo + 1, requested, null) : null;
    }
}
