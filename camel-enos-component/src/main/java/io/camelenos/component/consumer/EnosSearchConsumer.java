package io.camelenos.component.consumer;

import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.EnosConstants;
import io.camelenos.component.EnosConsumerSupport;
import io.camelenos.component.EnosEndpoint;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.client.PageStream;
import io.camelenos.component.client.PageStream.Page;
import io.camelenos.component.client.Pages;
import io.camelenos.component.state.ChangeTracker;
import io.camelenos.component.state.ChangeTracker.Change;
import io.camelenos.component.state.ChangeType;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a paginated EnOS search: each poll pages from the first page to the last, with up to {@code parallelPages}
 * requests in flight on other threads, and routes one exchange per record (or per page), in page order. Records seen twice because the result changed while paging are
 * dropped, and such a poll says so (CamelEnosPageDrift). With {@code changesOnly} it routes only what changed since
 * the last complete poll.
 */
public class EnosSearchConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(EnosSearchConsumer.class);

    private final EnosConsumerConfiguration options;
    private final EnosOperation operation;
    private final AtomicInteger maxPagesHeld = new AtomicInteger();
    private Function<JsonNode, Object> converter;
    private ExecutorService pageExecutor;
    private ChangeTracker changes;

    public EnosSearchConsumer(EnosEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.options = endpoint.getConsumerConfiguration();
        this.operation = EnosConsumerSupport.operation(endpoint);
    }

    @Override
    public EnosEndpoint getEndpoint() {
        return (EnosEndpoint) super.getEndpoint();
    }

    /** The largest number of pages this consumer has held in memory at once, across its polls. */
    public int getMaxPagesHeld() {
        return maxPagesHeld.get();
    }

    @Override
    protected void doStart() throws Exception {
        converter = EnosConsumerSupport.converter(getEndpoint());
        pageExecutor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "EnosPages", getEndpoint().getConfiguration().getParallelPages());
        if (options.isChangesOnly()) {
            changes = new ChangeTracker(StateKeys.repository(getEndpoint()), StateKeys.of(getEndpoint()));
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (pageExecutor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(pageExecutor);
            pageExecutor = null;
        }
    }

    @Override
    protected int poll() throws Exception {
        BatchEmitter emitter = new BatchEmitter(this);
        Poll poll = new Poll(new RecordKeys(options.getRecordKey()));
        if (changes != null) {
            changes.begin();
        }
        try (PageStream pages = pages()) {
            routePages(pages, emitter, poll);
            if (changes != null && poll.isComplete()) {
                routeDeletions(emitter, poll);
            }
            poll.finished = true;
        } finally {
            // the exchange held back is routed even when paging failed: it was read, and its state is its own
            emitter.finish(last -> last.getMessage().setHeader(EnosConstants.PAGE_DRIFT, poll.drift));
            if (changes != null) {
                changes.end(poll.finished && poll.isComplete());
            }
        }
        logDrift(poll);
        return emitter.sent();
    }

    private PageStream pages() {
        EnosEndpoint endpoint = getEndpoint();
        return new PageStream(EnosConsumerSupport.client(endpoint),
                EnosConsumerSupport.pageRequests(endpoint, operation, endpoint.getConfiguration(), options.getBody()),
                operation, Pages.first(operation, endpoint.getConfiguration().getPageSize()), pageExecutor,
                endpoint.getConfiguration().getParallelPages(), maxPagesHeld);
    }

    /** False once the route is stopping or suspending: a graceful shutdown must not wait for a whole poll. */
    private boolean mayContinue() {
        return isRunAllowed() && !isSuspendingOrSuspended();
    }

    @Override
    public int processBatch(Queue<Object> exchanges) {
        // poll() routes each exchange as its page arrives, so that no poll collects a whole result
        throw new UnsupportedOperationException("EnosSearchConsumer routes records as it pages");
    }

    private void routePages(PageStream pages, BatchEmitter emitter, Poll poll) throws InterruptedException {
        Page page;
        while ((page = pages.next()) != null) {
            poll.see(page, emitter, options);
            if (options.isSplitResult()) {
                routeRecords(page, poll.keys, emitter, poll);
            } else {
                emitter.offer(exchange(page, page.items(), null), ok -> {
                });
            }
            if (!mayContinue() || poll.limitReached(getMaxMessagesPerPoll())) {
                poll.stopped = true;
                return;
            }
        }
    }

    private void routeRecords(Page page, RecordKeys keys, BatchEmitter emitter, Poll poll) {
        for (JsonNode record : page.items()) {
            String key = keys.of(record);
            if (!poll.firstTime(key)) {
                continue;
            }
            poll.records++;
            if (changes == null) {
                emitter.offer(exchange(page, record, key), ok -> {
                });
            } else {
                routeIfChanged(page, record, key, emitter);
            }
        }
        poll.endOfPage();
    }

    private void routeIfChanged(Page page, JsonNode record, String key, BatchEmitter emitter) {
        if (key == null) {
            throw new IllegalStateException("changesOnly needs a record key; set the recordKey option");
        }
        Change change = changes.classify(key, record.toString());
        if (change != null) {
            Exchange exchange = exchange(page, record, key);
            exchange.getMessage().setHeader(EnosConstants.CHANGE_TYPE, change.kind().name());
            emitter.offer(exchange, ok -> outcome(change, ok));
        }
    }

    private void routeDeletions(BatchEmitter emitter, Poll poll) {
        String field = poll.keys.field();
        for (String key : changes.missing()) {
            Change change = changes.deletion(key);
            Exchange exchange = createExchange(false);
            Message message = exchange.getMessage();
            message.setBody(converter.apply(EnosConsumerSupport.mapper(getEndpoint()).createObjectNode()
                    .put(field, key)));
            message.setHeader(EnosConstants.RECORD_KEY, key);
            message.setHeader(EnosConstants.CHANGE_TYPE, ChangeType.DELETED.name());
            emitter.offer(exchange, ok -> outcome(change, ok));
        }
    }

    private void outcome(Change change, boolean ok) {
        if (ok) {
            changes.committed(change);
        } else {
            changes.failed(change);
        }
    }

    private Exchange exchange(Page page, JsonNode body, String key) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(converter.apply(body));
        if (page.pageNo() != null) {
            message.setHeader(EnosConstants.PAGE_NO, page.pageNo());
        }
        if (page.boxedTotal() != null) {
            message.setHeader(EnosConstants.TOTAL_SIZE, page.boxedTotal()); // boxed once per page, not per record
        }
        if (key != null) {
            message.setHeader(EnosConstants.RECORD_KEY, key);
        }
        return exchange;
    }

    private void logDrift(Poll poll) {
        if (poll.drift) {
            LOG.warn("EnOS {}: the result changed while paging (total {} -> {}, {} records seen twice and dropped); "
                     + "records may have been missed, and no deletions were reported",
                    operation.key(), poll.firstTotal, poll.lastTotal, poll.duplicates);
        }
    }

    /** What one poll has seen so far. */
    private static final class Poll {
        private Set<String> previousPage = new HashSet<>();
        private Set<String> currentPage = new HashSet<>();
        private long firstTotal = -1;
        private long lastTotal = -1;
        private long records;
        private long duplicates;
        private boolean drift;
        private boolean stopped;
        private boolean started;
        private boolean finished;
        private final RecordKeys keys;

        Poll(RecordKeys keys) {
            this.keys = keys;
        }

        void see(Page page, BatchEmitter emitter, EnosConsumerConfiguration options) {
            if (!started) {
                started = true;
                firstTotal = page.totalSize();
                int pageSize = Math.max(1, page.items().size());
                emitter.expect(options.isSplitResult() ? firstTotal : (firstTotal + pageSize - 1) / pageSize);
            } else if (page.totalSize() != lastTotal) {
                drift = true;
            }
            lastTotal = page.totalSize();
        }

        /**
         * Paging by number, an insertion before the current position pushes records of the previous page onto the
         * next one: such a record is dropped the second time. (A removal pulls one back unseen: only the changed
         * total tells.)
         */
        boolean firstTime(String key) {
            if (key == null) {
                return true;
            }
            if (previousPage.contains(key) || !currentPage.add(key)) {
                duplicates++;
                drift = true;
                return false;
            }
            return true;
        }

        void endOfPage() {
            Set<String> swap = previousPage;
            previousPage = currentPage;
            currentPage = swap;
            currentPage.clear();
        }

        boolean limitReached(int maxMessagesPerPoll) {
            return maxMessagesPerPoll > 0 && records >= maxMessagesPerPoll;
        }

        /** Saw every record exactly as they stood: only then are the records it did not see deletions. */
        boolean isComplete() {
            return started && !stopped && !drift;
        }
    }
}
