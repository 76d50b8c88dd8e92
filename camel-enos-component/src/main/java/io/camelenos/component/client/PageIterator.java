package io.camelenos.component.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.catalog.PaginationStyle;

/**
 * The records of every page of a search, fetched lazily: the next page is requested only when the caller has used up
 * the current one, so at most one page is held in memory.
 */
public final class PageIterator implements Iterator<JsonNode> {

    private final EnosClient client;
    private final Function<PageCursor, EnosRequest> requests;
    private final PaginationStyle style;
    private final String itemsPointer;
    private Iterator<JsonNode> current = Collections.emptyIterator();
    private PageCursor next;

    public PageIterator(EnosClient client, Function<PageCursor, EnosRequest> requests, PaginationStyle style,
                        String itemsPointer, PageCursor first) {
        this.client = client;
        this.requests = requests;
        this.style = style;
        this.itemsPointer = itemsPointer;
        this.next = first;
    }

    /** Fetches the first page now (so that errors surface at once) and returns its answer. */
    public EnosReply fetchFirst() {
        return fetch();
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && next != null) {
            fetch();
        }
        return current.hasNext();
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more EnOS records");
        }
        return current.next();
    }

    private EnosReply fetch() {
        PageCursor cursor = next;
        EnosReply reply = client.send(requests.apply(cursor));
        List<JsonNode> items = items(reply.data(), itemsPointer);
        current = items.iterator();
        next = items.isEmpty() ? null : following(cursor, reply, items.size());
        return reply;
    }

    /** The cursor of the page after this one, or null on the last page. */
    private PageCursor following(PageCursor cursor, EnosReply reply, int count) {
        return switch (style) {
            case NONE -> null;
            case PAGE -> nextPage(cursor, reply.pagination(), count);
            case SCROLL -> nextScroll(cursor, reply.data().path("pageToken").asText(""));
        };
    }

    private static PageCursor nextPage(PageCursor cursor, JsonNode pagination, int count) {
        int pageNo = cursor.pageNo() == null ? pagination.path("pageNo").asInt(1) : cursor.pageNo();
        Integer requested = cursor.pageSize();
        int pageSize = pagination.path("pageSize").asInt(requested == null ? count : requested);
        long total = pagination.path("totalSize").asLong(-1);
        // no explicit "last page" marker exists: trust totalSize when given, else a short page ends the search
        boolean more = total >= 0 ? (long) pageNo * pageSize < total : count >= pageSize;
        return more ? new PageCursor(pageNo + 1, requested == null ? pageSize : requested, null) : null;
    }

    private static PageCursor nextScroll(PageCursor cursor, String token) {
        return token.isEmpty() ? null : new PageCursor(null, cursor.pageSize(), token);
    }

    /** The records of a page: the node at the pointer inside data, as a list ("" = data itself). */
    public static List<JsonNode> items(JsonNode data, String pointer) {
        JsonNode node = pointer.isEmpty() ? data : data.at(pointer);
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        }
        return list;
    }
}
