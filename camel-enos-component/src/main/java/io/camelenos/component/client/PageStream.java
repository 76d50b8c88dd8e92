package io.camelenos.component.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.catalog.PaginationStyle;

/**
 * The one page loop of the component: the pages of a search, delivered in page order, with up to {@code parallel}
 * requests in flight on an executor. A page-number search fans out once a page has announced the total: the pages up
 * to the last one are requested ahead, in order. Scroll tokens and searches that announce no total go one page at a
 * time (the next request needs the answer to the one before), still fetched while the caller works on the current
 * page. Without an executor each page is fetched in the caller's thread when it asks for it.
 * <p>
 * Memory holds at most {@code parallel} pages fetched or being fetched, plus the one the caller works on. Every
 * request goes through the client, so the component's rate limit, retries and Retry-After apply to each. Not thread
 * safe: one caller asks for the pages.
 */
public final class PageStream implements AutoCloseable {

    /**
     * One page: the cursor that asked for it, the answer, its records (the array node of the answer, not a copy), the
     * total it announced (-1 for none; {@code boxedTotal} null then, else boxed once for every record's header), and
     * the cursor of the page after it (null after the last), where a pass that stops after this page resumes.
     */
    public record Page(PageCursor cursor, EnosReply reply, JsonNode items, long totalSize, Long boxedTotal,
                       PageCursor next) {

        /** The page's number, or null when the search is not numbered. */
        public Integer pageNo() {
            return cursor.pageNo();
        }
    }

    private final EnosClient client;
    private final Function<PageCursor, EnosRequest> requests;
    private final EnosOperation op;
    private final ExecutorService executor;
    private final int parallel;
    private final AtomicInteger maxHeld;
    private final Deque<Future<Page>> inFlight = new ArrayDeque<>();
    /** The next request of a search that goes one page at a time (null: none known yet, or the end). */
    private PageCursor nextCursor;
    /** Page-number searches: the highest page requested, and the highest page known to exist. */
    private int requestedUpTo;
    private int knownUpTo;
    private final Integer pageSize;
    private boolean ended;
    private boolean callerHolds;

    /**
     * @param executor runs the requests; null to fetch each page in the caller's thread when asked for (then one at a
     *                 time, whatever {@code parallel})
     * @param parallel the most requests in flight (at least 1)
     * @param maxHeld  where the largest number of pages held at once is recorded (null for nowhere)
     */
    public PageStream(EnosClient client, Function<PageCursor, EnosRequest> requests, EnosOperation op,
                      PageCursor first, ExecutorService executor, int parallel, AtomicInteger maxHeld) {
        this.client = client;
        this.requests = requests;
        this.op = op;
        this.executor = executor;
        this.parallel = executor == null ? 1 : Math.max(1, parallel);
        this.maxHeld = maxHeld;
        this.pageSize = first.pageSize();
        if (numbered(first)) {
            requestedUpTo = first.pageNo() - 1;
            knownUpTo = first.pageNo();
        } else {
            nextCursor = first;
        }
    }

    /** A stream that fetches each page in the caller's thread, one at a time. */
    public static PageStream sequential(EnosClient client, Function<PageCursor, EnosRequest> requests,
                                        EnosOperation op, PageCursor first) {
        return new PageStream(client, requests, op, first, null, 1, null);
    }

    /**
     * The next page in order, waiting for it if need be; null after the last page. The page handed out before counts
     * as released. Rethrows the failure of a page's request (after every page before it has been handed out).
     */
    public Page next() throws InterruptedException {
        callerHolds = false;
        request();
        Future<Page> head = inFlight.poll();
        if (head == null) {
            return null;
        }
        Page page = await(head);
        callerHolds = true;
        follow(page);
        request(); // the next requests leave now, while the caller works on this page
        return page;
    }

    @Override
    public void close() {
        ended = true;
        inFlight.forEach(f -> f.cancel(true));
        inFlight.clear();
    }

    private boolean numbered(PageCursor cursor) {
        return op.pagination() == PaginationStyle.PAGE && cursor != null && cursor.pageNo() != null;
    }

    /** Learns from a page which pages follow it, by the same rules as a page-by-page loop. */
    private void follow(Page page) {
        PageCursor following = page.next();
        if (following == null) {
            close(); // the pages requested beyond the end (the result shrank) are not this search's
            return;
        }
        if (numbered(following)) {
            requestedUpTo = Math.max(requestedUpTo, following.pageNo() - 1);
            knownUpTo = Math.max(knownUpTo, Math.max(following.pageNo(), Pages.lastPageNo(op, page.cursor(),
                    page.reply(), page.items().size())));
        } else {
            nextCursor = following;
        }
    }

    /** Sends requests until {@code parallel} are in flight or no further page is known. */
    private void request() {
        while (!ended && inFlight.size() < parallel) {
            PageCursor cursor = takeNextCursor();
            if (cursor == null) {
                return;
            }
            inFlight.add(submit(cursor));
            if (maxHeld != null) {
                maxHeld.accumulateAndGet(inFlight.size() + (callerHolds ? 1 : 0), Math::max);
            }
        }
    }

    private PageCursor takeNextCursor() {
        if (nextCursor != null) {
            PageCursor cursor = nextCursor;
            nextCursor = null;
            if (numbered(cursor)) {
                requestedUpTo = cursor.pageNo();
            }
            return cursor;
        }
        if (requestedUpTo < knownUpTo && op.pagination() == PaginationStyle.PAGE) {
            requestedUpTo++;
            return new PageCursor(requestedUpTo, pageSize, null);
        }
        return null;
    }

    private Future<Page> submit(PageCursor cursor) {
        FutureTask<Page> task = new FutureTask<>(() -> fetch(cursor));
        if (executor != null) {
            executor.execute(task);
        }
        return task;
    }

    private Page fetch(PageCursor cursor) {
        EnosReply reply = client.send(requests.apply(cursor));
        JsonNode items = op.items().isEmpty() ? reply.data() : reply.data().at(op.items());
        long total = Pages.total(Pages.pagination(op, reply));
        return new Page(cursor, reply, items, total, total >= 0 ? total : null,
                Pages.following(op, cursor, reply, items.size()));
    }

    private Page await(Future<Page> future) throws InterruptedException {
        if (executor == null) {
            ((FutureTask<Page>) future).run(); // fetched now, in the caller's thread
        }
        return PageFutures.take(future, this::close, "EnOS page request");
    }
}
