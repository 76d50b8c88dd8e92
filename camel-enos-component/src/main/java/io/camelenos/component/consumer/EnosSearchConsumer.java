package io.camelenos.component.consumer;

import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.camelenos.component.EnosConstants;
import io.camelenos.component.EnosEndpoint;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.client.PageCursor;
import io.camelenos.component.client.PageStream;
import io.camelenos.component.client.PageStream.Page;
import io.camelenos.component.state.ChangeTracker;
import io.camelenos.component.state.ChangeTracker.Change;
import io.camelenos.component.state.ChangeType;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.HeadersMapFactory;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a paginated EnOS search: each pass pages from the first page to the last, with up to {@code parallelPages}
 * requests in flight on other threads, and routes one exchange per record (or per page), in page order. A pass normally takes one poll; a poll that fails or stops
 * part-way leaves it open (CamelBatchComplete and CamelEnosPassComplete false on its last exchange) and the next poll
 * resumes it at the page after the last one routed. Records seen twice because the result changed while paging are
 * dropped, and such a pass says so (CamelEnosPageDrift). With {@code changesOnly} it routes only what changed since
 * the last complete pass.
 */
public class EnosSearchConsumer extends ScheduledBatchPollingConsumer implements EnosConsumerStats.Source {

    private static final Logger LOG = LoggerFactory.getLogger(EnosSearchConsumer.class);

    private final EnosConsumerConfiguration options;
    private final EnosOperation operation;
    private final AtomicInteger maxPagesHeld = new AtomicInteger();
    private final EnosConsumerStats stats = new EnosConsumerStats();
    private Function<JsonNode, Object> converter;
    private HeadersMapFactory headersMaps;
    private ExecutorService pageExecutor;
    private ChangeTracker changes;
    private boolean changesBegun;
    private SearchPass pass;
    private AssetPartition partition;

    public EnosSearchConsumer(EnosEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.options = endpoint.getConsumerConfiguration();
        this.operation = endpoint.getResolvedOperation();
    }

    @Override
    public EnosEndpoint getEndpoint() {
        return (EnosEndpoint) super.getEndpoint();
    }

    @Override
    public EnosConsumerStats getStats() {
        return stats;
    }

    /** The largest number of pages this consumer has held in memory at once, across its polls. */
    public int getMaxPagesHeld() {
        return maxPagesHeld.get();
    }

    @Override
    protected void doStart() throws Exception {
        converter = getEndpoint().createConverter();
        headersMaps = getEndpoint().getCamelContext().getCamelContextExtension().getHeadersMapFactory();
        partition = AssetPartition.parse(options.getPartition());
        pageExecutor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "EnosPages", getEndpoint().getConfiguration().getParallelPages());
        if (options.isChangesOnly()) {
            changes = new ChangeTracker(StateKeys.repository(getEndpoint()), StateKeys.of(getEndpoint()));
        }
        changesBegun = false;
        pass = SearchPass.restore(StateKeys.repository(getEndpoint()), StateKeys.of(getEndpoint()),
                getEndpoint().getMapper(), operation, getEndpoint().getConfiguration().getPageSize());
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
        BatchEmitter emitter = new BatchEmitter(this, pass.sent());
        Poll poll = new Poll(new RecordKeys(options.getRecordKey()), getEndpoint().getConfiguration().getPageSize());
        if (changes != null && !changesBegun) {
            changes.begin();
            changesBegun = true;
        }
        boolean passOver = false;
        try (PageStream pages = pages(pass.cursor())) {
            passOver = routePages(pages, emitter, poll);
            if (passOver && changes != null && deletionsAreKnown()) {
                routeDeletions(emitter, poll);
            }
        } finally {
            endPoll(emitter, passOver);
        }
        return emitter.sent();
    }

    /**
     * Routes the exchange held back, marked complete only when the pass saw its last page (a failed or stopped poll
     * leaves the pass open, and the next poll resumes it at the page after the last one routed), and saves the state.
     */
    private void endPoll(BatchEmitter emitter, boolean passOver) {
        boolean drift = pass.drift();
        emitter.finish(last -> {
            last.getMessage().setHeader(EnosConstants.PAGE_DRIFT, drift);
            last.getMessage().setHeader(EnosConstants.PASS_COMPLETE, passOver);
        }, passOver);
        if (passOver) {
            logDrift();
        } else {
            LOG.debug("EnOS {}: the pass ended this poll incomplete; the next poll resumes it at {}",
                    operation.key(), pass.cursor());
        }
        if (changes != null) {
            if (passOver) {
                changes.end(deletionsAreKnown());
                changesBegun = false;
            } else {
                changes.checkpoint();
            }
        }
        pass.endPoll();
    }

    /** Deletions are the known records a pass did not see: only a pass that saw every record as it stood tells them. */
    private boolean deletionsAreKnown() {
        return !pass.drift() && !pass.isRestored();
    }

    private PageStream pages(PageCursor first) {
        EnosEndpoint endpoint = getEndpoint();
        return new PageStream(endpoint.getClient(),
                endpoint.createPageRequests(operation, endpoint.getConfiguration(), options.getBody()),
                operation, first, pageExecutor, endpoint.getConfiguration().getParallelPages(), maxPagesHeld);
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

    /** Routes pages until the last one (true) or until the poll must stop (false). Rethrows a page's failure. */
    private boolean routePages(PageStream pages, BatchEmitter emitter, Poll poll) throws InterruptedException {
        Page page;
        while ((page = pages.next()) != null) {
            stats.page();
            poll.see(page, emitter, options);
            if (options.isSplitResult()) {
                routeRecords(page, poll.keys, emitter, poll);
            } else {
                emitter.offer(exchange(pageHeaders(page), partition == null ? page.items() : ownRecords(page, poll.keys),
                        null), BatchEmitter.NO_OUTCOME);
            }
            PageCursor next = page.next();
            // the position moves past a page once all its exchanges were routed (one is held back until the next)
            emitter.then(() -> pass.routed(next, emitter.batchSent()));
            if (next == null) {
                return true;
            }
            if (!mayContinue() || poll.limitReached(getMaxMessagesPerPoll())) {
                return false;
            }
        }
        return true;
    }

    private void routeRecords(Page page, RecordKeys keys, BatchEmitter emitter, Poll poll) {
        Map<String, Object> pageHeaders = pageHeaders(page);
        for (JsonNode record : page.items()) {
            String key = keys.of(record);
            if (!poll.firstTime(key) || !isOwn(record, key)) {
                continue;
            }
            poll.records++;
            if (changes == null) {
                emitter.offer(exchange(pageHeaders, record, key), BatchEmitter.NO_OUTCOME);
            } else {
                routeIfChanged(pageHeaders, record, key, emitter);
            }
        }
        poll.endOfPage();
    }

    /** True without a partition, else when the record's assetId (or its key when it has none) falls in it. */
    private boolean isOwn(JsonNode record, String key) {
        if (partition == null) {
            return true;
        }
        JsonNode assetId = record.get("assetId");
        String id = assetId != null && assetId.isTextual() ? assetId.asText() : key;
        if (id == null) {
            throw new IllegalStateException("The partition option needs records with an assetId field or a record "
                                            + "key; set the recordKey option for enos:" + operation.key());
        }
        return partition.takes(id);
    }

    private ArrayNode ownRecords(Page page, RecordKeys keys) {
        ArrayNode own = getEndpoint().getMapper().createArrayNode();
        for (JsonNode record : page.items()) {
            if (isOwn(record, keys.of(record))) {
                own.add(record);
            }
        }
        return own;
    }

    private void routeIfChanged(Map<String, Object> pageHeaders, JsonNode record, String key, BatchEmitter emitter) {
        if (key == null) {
            throw new IllegalStateException("changesOnly needs a record key; set the recordKey option");
        }
        Change change = changes.classify(key, record.toString());
        if (change != null) {
            Exchange exchange = exchange(pageHeaders, record, key);
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
            message.setBody(converter.apply(getEndpoint().getMapper().createObjectNode()
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

    /** The headers every exchange of a page carries (its number, the total), in Camel's own map type, built once. */
    private Map<String, Object> pageHeaders(Page page) {
        Map<String, Object> headers = headersMaps.newMap();
        if (page.pageNo() != null) {
            headers.put(EnosConstants.PAGE_NO, page.pageNo());
        }
        if (page.boxedTotal() != null) {
            headers.put(EnosConstants.TOTAL_SIZE, page.boxedTotal()); // boxed once per page, not per record
        }
        return headers;
    }

    private Exchange exchange(Map<String, Object> pageHeaders, JsonNode body, String key) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(converter.apply(body));
        // a copy of the page's sorted headers (built without comparisons), taken by the message as it is, instead of
        // a sorted insert per header per record
        Map<String, Object> headers = headersMaps.newMap(pageHeaders);
        if (key != null) {
            headers.put(EnosConstants.RECORD_KEY, key);
        }
        message.setHeaders(headers);
        return exchange;
    }

    private void logDrift() {
        if (pass.drift()) {
            LOG.warn("EnOS {}: the result changed while paging (total now {}); records seen twice were dropped, "
                     + "records may have been missed, and no deletions were reported", operation.key(), pass.total());
        }
    }

    /** What one poll has seen so far (the pass it continues keeps the total and the drift). */
    private final class Poll {
        private Set<String> previousPage;
        private Set<String> currentPage;
        private long records;
        private boolean started;
        private final RecordKeys keys;

        /** @param pageSize the records a page holds (null: the service's default), so the key sets never grow */
        Poll(RecordKeys keys, Integer pageSize) {
            this.keys = keys;
            int capacity = (pageSize == null ? 100 : pageSize) * 4 / 3 + 1;
            this.previousPage = new HashSet<>(capacity);
            this.currentPage = new HashSet<>(capacity);
        }

        void see(Page page, BatchEmitter emitter, EnosConsumerConfiguration options) {
            if (!started) {
                started = true;
                long total = page.totalSize();
                int pageSize = Math.max(1, page.items().size());
                if (partition == null || !options.isSplitResult()) { // a partition's share of the records is not known
                    emitter.expect(options.isSplitResult() ? total : (total + pageSize - 1) / pageSize);
                }
            }
            pass.see(page.totalSize());
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
                pass.drifted();
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
    }
}
