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
 * Fetches the pages of one search on another thread, from the first to the last, into a bounded queue: the next page
 * is on its way while the consumer routes the current one, and at most {@code capacity + 2} pages are held at once
 * (the queue, the one being routed, and the one just fetched waiting for room).
 */
final class PagePrefetcher implements AutoCloseable {

    /**
     * One page: its records (the array node of the answer, not a copy), its number (null when the search is not
     * numbered) and the total it announced (-1 for none).
     */
    record Page(Integer pageNo, JsonNode items, long totalSize) {
    }

    private static final Object END = new Object();

    private final EnosClient client;
    private final Function<PageCursor, EnosRequest> requests;
    private final EnosOperation op;
    private final Integer pageSize;
    private final BlockingQueue<Object> queue;
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger maxHeld;
    private volatile boolean closed;
    private Future<?> task;

    /**
     * @param maxHeld where the largest number of pages held at once is recorded (shared across polls)
     */
    PagePrefetcher(EnosClient client, Function<PageCursor, EnosRequest> requests, EnosOperation op,
                   Integer pageSize, int capacity, AtomicInteger maxHeld) {
        this.client = client;
        this.requests = requests;
        this.op = op;
        this.pageSize = pageSize;
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
            PageCursor cursor = Pages.first(op, pageSize);
            while (cursor != null && !closed) {
                EnosReply reply = client.send(requests.apply(cursor));
                JsonNode items = op.items().isEmpty() ? reply.data() : reply.data().at(op.items());
                hold();
                queue.put(new Page(cursor.pageNo(), items, Pages.total(Pages.pagination(op, reply))));
                cursor = Pages.following(op, cursor, reply, items.size());
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
