package io.camelenos.component.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.catalog.EnosOperation;

/**
 * The records of every page of a search, in order, from a {@link PageStream}: without an executor the next page is
 * requested only when the caller has used up the current one (one page held); with one, up to {@code parallel}
 * pages are on their way while the caller works through the current one.
 */
public final class PageIterator implements Iterator<JsonNode> {

    private final PageStream pages;
    private Iterator<JsonNode> current = Collections.emptyIterator();
    private boolean ended;

    /** Pages fetched one at a time, in the caller's thread. */
    public PageIterator(EnosClient client, Function<PageCursor, EnosRequest> requests, EnosOperation op,
                        PageCursor first) {
        this(client, requests, op, first, null, 1);
    }

    /**
     * @param executor runs the requests (null: in the caller's thread, one at a time)
     * @param parallel the most requests in flight
     */
    public PageIterator(EnosClient client, Function<PageCursor, EnosRequest> requests, EnosOperation op,
                        PageCursor first, ExecutorService executor, int parallel) {
        this.pages = new PageStream(client, requests, op, first, executor, parallel, null);
    }

    /** Fetches the first page now (so that errors surface at once) and returns its answer. */
    public EnosReply fetchFirst() {
        PageStream.Page page = nextPage();
        return page == null ? null : page.reply();
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && !ended) {
            nextPage();
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

    private PageStream.Page nextPage() {
        try {
            PageStream.Page page = pages.next();
            if (page == null) {
                ended = true;
                current = Collections.emptyIterator();
            } else {
                current = page.items().isArray() ? page.items().elements() : Collections.emptyIterator();
            }
            return page;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pages.close();
            throw new IllegalStateException("Interrupted while fetching EnOS pages", e);
        }
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
