package io.camelenos.component.consumer;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.client.EnosClient;
import io.camelenos.component.client.EnosReply;
import io.camelenos.component.client.EnosRequest;
import io.camelenos.component.client.PageCursor;
import io.camelenos.component.client.Pages;

/**
 * Fetches the pages of one search on another thread, from a given page to the last, into a bounded queue: the next page
 * is on its way while the consumer routes the current one, and at most {@code capacity + 2} pages are held at once
 * (the queue, the one being routed, and the one just fetched waiting for room).
 */
final class PagePrefetcher implements AutoCloseable {

    /**
     * One page: its records (the array node of the answer, not a copy), its number (null when the search is not
     * numbered), the total it announced (-1 for none) and the cursor of the page after it (null after the last), where
     * a pass that stops after this page resumes.
     */
    record Page(Integer pageNo, JsonNode items, long totalSize, PageCursor next) {
    }

    private static final Object END = new Object();

    private final EnosClient client;
    private final Function<PageCursor, EnosRequest> requests;
    private final EnosOperation op;
    private final PageCursor first;
    private final BlockingQueue<Object> queue;
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger maxHeld;
    private volatile boolean closed;
    private Future<?> task;

    /**
     * @param first   the page to start from: the first page of the search, or where a failed pass stopped
     * @param maxHeld where the largest number of pages held at once is recorded (shared across polls)
     */
    PagePrefetcher(EnosClient client, Function<PageCursor, EnosRequest> requests, EnosOperation op,
                   PageCursor first, int capacity, AtomicInteger maxHeld) {
        this.client = client;
        this.requests = requests;
        this.op = op;
        this.first = first;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
        this.maxHeld = maxHeld;
    }

    PagePrefetcher start(ExecutorService executor) {
        task = executor.submit(this::fetchAll);
        return this;
    }

    /** The next page, waiting for it if need be; null after the last page. Rethrows a fetch failure. */
    Page next() throws InterruptedException {
        Object next = queue.take();
        if (next == END) {
            queue.put(END); // later calls see the end too
            return null;
        }
        if (next instanceof RuntimeException failure) {
            throw failure;
        }
        return (Page) next;
    }

    /** The consumer is done with a page: it no longer counts as held. */
    void release() {
        held.decrementAndGet();
    }

    @Override
    public void close() {
        closed = true;
        if (task != null) {
            task.cancel(true);
        }
        queue.clear();
    }

    private void fetchAll() {
        try {
            PageCursor cursor = first;
            while (cursor != null && !closed) {
                EnosReply reply = client.send(requests.apply(cursor));
                JsonNode items = op.items().isEmpty() ? reply.data() : reply.data().at(op.items());
                PageCursor next = Pages.following(op, cursor, reply, items.size());
                hold();
                queue.put(new Page(cursor.pageNo(), items, Pages.total(Pages.pagination(op, reply)), next));
                cursor = next;
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            offerQuietly(e);
        }
    }

    private void hold() {
        int now = held.incrementAndGet();
        maxHeld.accumulateAndGet(now, Math::max);
    }

    private void offerQuietly(RuntimeException failure) {
        try {
            queue.put(failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
