package io.camelenos.component.consumer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.component.EnosConfiguration;
import io.camelenos.component.EnosConstants;
import io.camelenos.component.EnosEndpoint;
import io.camelenos.component.EnosOptionCheck;
import io.camelenos.component.catalog.EnosCatalog;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.client.EnosClient;
import io.camelenos.component.client.EnosReply;
import io.camelenos.component.client.EnosRequest;
import io.camelenos.component.client.PageIterator;
import io.camelenos.component.client.Pages;
import io.camelenos.component.state.Watermarks;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/**
 * Reads TSDB time series incrementally ({@code enos:tsdb/read} and the other v2.1 reads by time range): each poll
 * reads every (asset, point) from its watermark (minus the lookback) up to the end time or now, in requests chunked
 * to EnOS's limits and continued past full pages by timestamp, up to {@code parallelPages} requests in flight (chunks
 * side by side, and each chunk's range cut into time segments read in parallel but routed in time order: see
 * {@link TsdbPageSource}), and routes the records not delivered before.
 * Watermarks move only when exchanges completed, and live in a Camel state repository so that a restart resumes.
 */
public class EnosTsdbConsumer extends ScheduledBatchPollingConsumer implements EnosConsumerStats.Source {

    private static final int DEFAULT_PAGE_SIZE = 1000;
    private static final int ASSET_SEARCH_PAGE = 1000;

    private final EnosConsumerConfiguration options;
    private final EnosConfiguration config;
    private final EnosOperation operation;
    private final Clock clock;
    private Function<JsonNode, Object> converter;
    private Watermarks watermarks;
    private final EnosConsumerStats stats = new EnosConsumerStats();
    private long start;
    private ExecutorService pageExecutor;
    private AssetPartition partition;

    public EnosTsdbConsumer(EnosEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.options = endpoint.getConsumerConfiguration();
        this.config = endpoint.getConfiguration();
        this.operation = endpoint.getResolvedOperation();
        this.clock = Clock.systemUTC();
    }

    @Override
    public EnosEndpoint getEndpoint() {
        return (EnosEndpoint) super.getEndpoint();
    }

    @Override
    public EnosConsumerStats getStats() {
        return stats;
    }

    @Override
    protected void doStart() throws Exception {
        EnosOptionCheck.check(config.getStartTime() != null, "startTime", null,
                "required by the TSDB consumer: an ISO 8601 instant or a duration before now such as P1D");
        EnosOptionCheck.check(config.getPointIds() != null && !config.getPointIds().isBlank(), "pointIds",
                config.getPointIds(), "required by the TSDB consumer");
        boolean noAssets = (config.getAssetIds() == null || config.getAssetIds().isBlank())
                           && (options.getAssetExpression() == null || options.getAssetExpression().isBlank());
        if (noAssets) {
            throw EnosOptionCheck.invalid("assetIds", null,
                    "the TSDB consumer needs assets: set the option assetIds or assetExpression");
        }
        start = TsdbTimes.parse("startTime", config.getStartTime(), clock).toEpochMilli();
        TsdbTimes.checkRange(config.getStartTime(), config.getEndTime(), clock);
        converter = getEndpoint().createConverter();
        partition = AssetPartition.parse(options.getPartition());
        stats.watermarks(() -> watermarks == null ? null : watermarks.summary());
        watermarks = new Watermarks(StateKeys.repository(getEndpoint()), StateKeys.of(getEndpoint()),
                options.getLookback(), start - 1);
        if (config.getParallelPages() > 1) {
            pageExecutor = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newFixedThreadPool(this, "EnosTsdbPages", config.getParallelPages());
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
        if (watermarks != null) {
            watermarks.save(); // what completed before the stop must not be read again after a restart
        }
    }

    @Override
    protected int poll() throws Exception {
        long end = config.getEndTime() == null ? clock.millis()
                : TsdbTimes.parse("endTime", config.getEndTime(), clock).toEpochMilli();
        int pageSize = Math.min(config.getPageSize() == null ? DEFAULT_PAGE_SIZE : config.getPageSize(),
                TsdbChunk.maxPageSize());
        List<String> points = split(config.getPointIds());
        List<String> assets = assets();
        if (assets.isEmpty()) {
            return 0; // a partition may hold none of the assets, now or for good
        }
        BatchEmitter emitter = new BatchEmitter(this);
        watermarks.beginPoll();
        boolean readAll = false;
        try (TsdbPageSource pages = new TsdbPageSource(chunks(assets, end, pageSize, points), chunk -> chunk.from(watermarks),
                this::fetch, pageExecutor, config.getParallelPages())) {
            readAll = routePages(pages, emitter);
        } finally {
            // a poll that failed or stopped part-way does not claim its batch complete
            boolean complete = readAll;
            emitter.finish(last -> {
            }, complete);
            watermarks.save();
        }
        return emitter.sent();
    }

    private List<TsdbChunkRead> chunks(List<String> assets, long end, int pageSize, List<String> points) {
        return TsdbChunk.plan(assets, points, pageSize).stream()
                .map(chunk -> new TsdbChunkRead(chunk, end, pageSize)).toList();
    }

    /** Routes every chunk's pages (true), or stops early when the route stops (false). Rethrows a failure. */
    private boolean routePages(TsdbPageSource pages, BatchEmitter emitter) throws InterruptedException {
        while (mayContinue()) {
            TsdbPage page = pages.next();
            if (page == null) {
                return true;
            }
            stats.page();
            route(page, emitter);
            watermarks.save(); // what has completed so far (the emitter holds the last exchange back)
            if (page.isLastOfChunk()) {
                TsdbChunkRead read = page.read();
                emitter.then(() -> read.readUpToEnd(watermarks));
            }
        }
        return false;
    }

    /** False once the route is stopping or suspending: a graceful shutdown must not wait for a whole poll. */
    private boolean mayContinue() {
        return isRunAllowed() && !isSuspendingOrSuspended();
    }

    @Override
    public int processBatch(Queue<Object> exchanges) {
        // poll() routes each record as its answer arrives, so that no poll collects a whole time range
        throw new UnsupportedOperationException("EnosTsdbConsumer routes records as it reads");
    }

    /** POST one page of a chunk over [from, end] and reads it (on a fetch thread). */
    private TsdbPage fetch(TsdbChunkRead read, long from, long end) {
        EnosReply reply = getEndpoint().getClient()
                .send(request(read.chunk(), from, end, read.pageSize()));
        return new TsdbPage(read, from, end, reply.data().path("items"));
    }

    private void route(TsdbPage page, BatchEmitter emitter) {
        TsdbPagePairs pairs = new TsdbPagePairs(page, watermarks);
        if (options.isSplitResult()) {
            for (int i = 0; i < page.size(); i++) {
                routeRecord(page, pairs, i, emitter);
            }
        } else if (pairs.isWholePageNew() && page.size() > 0) {
            // a forward read: the answer's records are the exchange's body as they are, no copy and no per-sample step
            emitter.offer(pageExchange(page.items()), pairs::wholePageOutcome);
        } else {
            routeNewOfPage(page, pairs, emitter);
        }
    }

    private void routeRecord(TsdbPage page, TsdbPagePairs pairs, int index, BatchEmitter emitter) {
        JsonNode record = page.record(index);
        int point = page.pointIndex(index);
        long ts = page.timestamp(index);
        if (point == TsdbPage.SEVERAL) {
            List<Watermarks.Pair> newPairs = newPairs(page, index);
            if (!newPairs.isEmpty()) {
                emitter.offer(exchange(record, page.asset(index), ts, null),
                        ok -> newPairs.forEach(p -> outcome(p, ts, ok)));
            }
            return;
        }
        // one point per record (item format 0): its watermark found once per page, not per record
        if (pairs.isNew(index)) {
            Watermarks.Pair pair = pairs.pair(index);
            emitter.offer(exchange(record, page.asset(index), ts, page.read().chunk().pointIds().get(point)),
                    ok -> outcome(pair, ts, ok));
        }
    }

    /** One exchange for the page's new records (some were delivered before); their watermarks move together. */
    private void routeNewOfPage(TsdbPage page, TsdbPagePairs pairs, BatchEmitter emitter) {
        ArrayNode fresh = getEndpoint().getMapper().createArrayNode();
        TsdbSamples samples = new TsdbSamples(page.size());
        for (int i = 0; i < page.size(); i++) {
            long ts = page.timestamp(i);
            int before = samples.size();
            if (page.pointIndex(i) == TsdbPage.SEVERAL) {
                newPairs(page, i).forEach(pair -> samples.add(pair, ts));
            } else if (pairs.isNew(i)) {
                samples.add(pairs.pair(i), ts);
            }
            if (samples.size() > before) {
                fresh.add(page.record(i));
            }
        }
        if (!fresh.isEmpty()) {
            emitter.offer(pageExchange(fresh), samples::outcome);
        }
    }

    private Exchange pageExchange(JsonNode records) {
        Exchange exchange = createExchange(false);
        exchange.getMessage().setBody(converter.apply(records));
        return exchange;
    }

    /** The (asset, point) pairs of a record that have not had it yet. */
    private List<Watermarks.Pair> newPairs(TsdbPage page, int index) {
        JsonNode record = page.record(index);
        String asset = page.asset(index);
        long ts = page.timestamp(index);
        List<Watermarks.Pair> pairs = new ArrayList<>(1);
        List<String> points = page.read().chunk().pointIds();
        for (int i = 0; i < points.size(); i++) {
            if (!record.has(points.get(i))) {
                continue;
            }
            Watermarks.Pair pair = page.read().pair(watermarks, asset, i);
            if (pair.isNew(ts)) {
                pairs.add(pair);
            }
        }
        return pairs;
    }

    private static void outcome(Watermarks.Pair pair, long timestamp, boolean ok) {
        if (ok) {
            pair.delivered(timestamp);
        } else {
            pair.failed();
        }
    }

    private Exchange exchange(JsonNode record, String asset, long timestamp, String point) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(converter.apply(record));
        message.setHeader(EnosConstants.ASSET_ID, asset);
        message.setHeader(EnosConstants.TIMESTAMP, timestamp);
        if (point != null) {
            message.setHeader(EnosConstants.POINT_ID, point);
        }
        return exchange;
    }

    /** POST tsdb-service/v2.1/{raw|ai|generic|di}: the chunk's assets and points over [from, end], ISO UTC times. */
    private EnosRequest request(TsdbChunk chunk, long from, long end, int pageSize) {
        ObjectNode body = getEndpoint().getMapper().createObjectNode();
        if (config.getModelId() != null) {
            body.put("modelId", config.getModelId());
        }
        body.put("assetIds", String.join(",", chunk.assetIds()));
        body.put("pointIds", String.join(",", chunk.pointIds()));
        body.put("startTime", TsdbTimes.format(from));
        body.put("endTime", TsdbTimes.format(end));
        body.put("pageSize", pageSize);
        body.put("itemFormat", options.getItemFormat());
        Map<String, String> query = config.getOrgId() == null ? Map.of() : Map.of("orgId", config.getOrgId());
        return new EnosRequest(operation.method(), operation.path(), query, body.toString(), operation.envelope(),
                operation.service(), operation.name(), operation.userAuth(), true);
    }

    /**
     * The assetIds option and the assets its assetExpression finds now, in that order, without duplicates; with a
     * partition only those in it (possibly none).
     */
    private List<String> assets() {
        Set<String> assets = new LinkedHashSet<>(split(config.getAssetIds()));
        if (options.getAssetExpression() != null && !options.getAssetExpression().isBlank()) {
            searchAssets().forEachRemaining(asset -> assets.add(asset.path("assetId").asText()));
        }
        if (assets.isEmpty()) {
            throw new IllegalStateException("The TSDB consumer has no assets: set assetIds or an assetExpression "
                                            + "that finds some");
        }
        if (partition != null) {
            assets.removeIf(asset -> !partition.takes(asset));
        }
        return new ArrayList<>(assets);
    }

    private PageIterator searchAssets() {
        EnosOperation search = EnosCatalog.defaultCatalog().find("asset", "search").orElseThrow();
        EnosConfiguration c = config.copy();
        c.setExpression(options.getAssetExpression());
        c.setProjection("assetId");
        EnosClient client = getEndpoint().getClient();
        return new PageIterator(client, getEndpoint().createPageRequests(search, c, null),
                search, Pages.first(search, ASSET_SEARCH_PAGE));
    }

    private static List<String> split(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
