package io.camelenos.component.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.catalog.EnosOperation;

/**
 * The records of every page of a search, fetched lazily: the next page is requested only when the caller has used up
 * the current one, so at most one page is held in memory.
 */
public final class PageIterator implements Iterator<JsonNode> {

    private final EnosClient client;
    private final Function<PageCursor, EnosRequest> requests;
    private final EnosOperation op;
    private Iterator<JsonNode> current = Collections.emptyIterator();
    private PageCursor next;

    public PageIterator(EnosClient client, Function<PageCursor, EnosRequest> requests, EnosOperation op,
                        PageCursor first) {
        this.client = client;
        this.requests = requests;
        this.op = op;
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
        List<JsonNode> items = items(reply.data(), op.items());
        current = items.iterator();
        next = Pages.following(op, cursor, reply, items.size());
        return reply;
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
