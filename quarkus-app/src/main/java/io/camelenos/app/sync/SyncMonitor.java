package io.camelenos.app.sync;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.camelenos.app.text.UntrustedText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one sync flow reports: its Micrometer meters ({@code camelenos.sync.*}, tagged with the flow), a progress line
 * at most every {@code progress-interval} during a long poll, and one summary line per poll that wrote something.
 * <p>
 * It is the flow consumer's poll strategy (so it sees each poll begin and end) and its exception handler (so it sees
 * failed polls and failed records, and logs each in one line instead of a stack trace); the route tells it what it
 * wrote. Everything runs on the consumer's thread, one poll at a time, but the gauges and the progress tick: while a
 * poll runs, a tick logs its progress every {@code progress-interval} even when no record has come yet (a first
 * backfill waits for big TSDB answers), and the poll-duration gauge grows, so that a long poll is never silent.
 */
public final class SyncMonitor implements PollingConsumerPollStrategy, ExceptionHandler {

    /** What the lag gauge measures from. */
    public enum Lag {
        /** the end of the last successful poll (assets, alerts: the state of EnOS at that time is in the database) */
        POLL,
        /** the newest record time written (telemetry: the newest sample in the database) */
        RECORD
    }

    private static final Logger LOG = LoggerFactory.getLogger(SyncMonitor.class);
    /** One daemon thread ticks the progress of every flow's running poll. */
    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "camel-enos-sync-progress");
        thread.setDaemon(true);
        return thread;
    });

    private final String flow;
    private final String title;
    private final Lag lag;
    private final long progressNanos;
    private final MeterRegistry registry;
    private final Map<String, Counter> records = new ConcurrentHashMap<>();
    private final Counter pages;
    private final Counter retries;
    private volatile long newestMillis = -1;

    // the poll under way (volatile: the progress tick and the status page read them from other threads)
    private volatile long pollStart;
    private volatile long pollStartMillis;
    private volatile boolean polling;
    private long lastProgress;
    private volatile long pollRecords;
    private volatile long pollPages;
    private volatile int pageNo;
    private volatile long totalPages = -1;
    private volatile long recordNo;
    private volatile long recordTotal = -1;
    private volatile long pollOldestRecord = -1;
    private volatile long pollNewestRecord = -1;
    private ScheduledFuture<?> tick;
    private final Map<String, Long> pollChanges = new TreeMap<>();

    // the last poll that ended, and the last failure, for the status page
    private volatile FlowSnapshot.LastPoll lastPoll;
    private volatile FlowSnapshot.Failure lastFailure;

    /**
     * @param flow  the metrics tag and log name, e.g. {@code assets}
     * @param title how the log names the flow, e.g. {@code Asset sync}
     */
    public SyncMonitor(String flow, String title, Lag lag, Duration progressInterval, MeterRegistry registry) {
        this.flow = flow;
        this.title = title;
        this.lag = lag;
        this.progressNanos = progressInterval.toNanos();
        this.registry = registry;
        this.pages = Counter.builder("camelenos.sync.pages").tag("flow", flow)
                .description("EnOS pages (search pages, TSDB answers) that brought records to the flow")
                .register(registry);
        this.retries = Counter.builder("camelenos.sync.retries").tag("flow", flow)
                .description("Writes of a record tried again after a failure (database, alert forward)")
                .register(registry);
        // registered now, so that dashboards see zeros rather than nothing
        polls("ok");
        polls("failed");
        errors("poll");
        errors("write");
        Gauge.builder("camelenos.sync.lag", this, SyncMonitor::lagSeconds).tag("flow", flow).baseUnit("seconds")
                .description("Seconds between now and the newest state the flow has written (NaN before the first)")
                .register(registry);
        Gauge.builder("camelenos.sync.poll.duration", this, SyncMonitor::pollSeconds).tag("flow", flow)
                .baseUnit("seconds").description("How long the poll under way has been running (0 between polls)")
                .register(registry);
    }

    public String flow() {
        return flow;
    }

    // ---- what the route reports

    /** The route wrote (or deleted) this many records of one kind of change. */
    public void written(String change, long count) {
        if (count <= 0) {
            return;
        }
        records.computeIfAbsent(change, c -> Counter.builder("camelenos.sync.records").tag("flow", flow)
                .tag("change", c).description("Records the flow wrote to (or deleted from) the database")
                .register(registry)).increment(count);
        pollRecords += count;
        pollChanges.merge(change, count, Long::sum);
        progress();
    }

    /**
     * A record came from page {@code pageNo} (1-based) of {@code totalPages} (-1 when unknown); each new page number
     * counts one page. For pages without a number (TSDB answers) call {@link #page()}.
     */
    public void page(int pageNo, long totalPages) {
        if (pageNo != this.pageNo) {
            this.pageNo = pageNo;
            this.totalPages = totalPages;
            pageDone();
        }
    }

    /**
     * The record just routed is the {@code recordNo}-th (1-based) of the {@code total} the poll expects (Camel's batch
     * index and size), for the progress of a search flow; a change-detection poll routes only the changed ones.
     */
    public void record(long recordNo, long total) {
        this.recordNo = recordNo;
        this.recordTotal = total;
    }

    /** One more page (an answer without a page number). */
    public void page() {
        pageDone();
    }

    /** The newest record time (epoch ms) now in the database, for the lag of a {@link Lag#RECORD} flow. */
    public void newest(long epochMillis) {
        if (epochMillis > newestMillis) {
            newestMillis = epochMillis;
        }
    }

    /**
     * This poll wrote records with times from {@code oldest} to {@code newest} (epoch ms): how far a {@link Lag#RECORD}
     * flow's poll has come through the time range it reads (its progress on the status page).
     */
    public void recordTimes(long oldest, long newest) {
        if (oldest >= 0 && (pollOldestRecord < 0 || oldest < pollOldestRecord)) {
            pollOldestRecord = oldest;
        }
        if (newest > pollNewestRecord) {
            pollNewestRecord = newest;
        }
    }

    /** A write failed and is tried again. */
    public void retried() {
        retries.increment();
    }

    // ---- PollingConsumerPollStrategy

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        pollStart = System.nanoTime();
        lastProgress = pollStart;
        pollRecords = 0;
        pollPages = 0;
        pageNo = 0;
        totalPages = -1;
        recordNo = 0;
        recordTotal = -1;
        pollOldestRecord = -1;
        pollNewestRecord = -1;
        pollChanges.clear();
        pollStartMillis = System.currentTimeMillis();
        polling = true;
        if (progressNanos > 0) {
            tick = TICKER.scheduleAtFixedRate(this::progress, progressNanos, progressNanos, TimeUnit.NANOSECONDS);
        }
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        rememberPoll(true);
        pollEnded();
        polls("ok").increment();
        if (lag == Lag.POLL) {
            newestMillis = System.currentTimeMillis();
        }
        if (pollRecords > 0) {
            long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pollStart));
            // the alert consumer reports no pages
            String pages = pollPages > 0 ? " from " + pollPages + (pollPages == 1 ? " page" : " pages") : "";
            LOG.info("{}: {} records in {} ms ({} records/s){}: {}", title, pollRecords, millis,
                    pollRecords * 1000 / millis, pages, pollChanges);
        } else {
            LOG.debug("{}: poll done, nothing new", title);
        }
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        rememberPoll(false);
        pollEnded();
        polls("failed").increment();
        return false; // the next scheduled poll tries again (the component's client has retried already)
    }

    // ---- ExceptionHandler: failed polls (no exchange) and failed records

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        lastFailure = new FlowSnapshot.Failure(System.currentTimeMillis(), exchange == null ? "poll" : "write",
                describe(exception));
        if (exchange == null) {
            errors("poll").increment();
            LOG.warn("{}: poll failed, trying again at the next poll: {}", title, describe(exception));
        } else {
            errors("write").increment();
            LOG.warn("{}: a record was not written, the next poll brings it again: {}", title, describe(exception));
        }
        LOG.debug("{}: failure detail", title, exception);
    }

    // ---- what the status page shows

    /** The flow as it is now: the poll under way if any, the last one that ended, totals, the last failure. */
    public FlowSnapshot snapshot() {
        long now = System.currentTimeMillis();
        FlowSnapshot.Running running = null;
        if (polling) {
            long started = pollStartMillis;
            long records = pollRecords;
            running = new FlowSnapshot.Running(started, records, perSecond(records, now - started), pageNo,
                    totalPages, recordNo, recordTotal, pollOldestRecord, pollNewestRecord);
        }
        Map<String, Long> written = new TreeMap<>();
        records.forEach((change, counter) -> written.put(change, (long) counter.count()));
        return new FlowSnapshot(flow, title, lag, now, running, lastPoll, lastFailure, written,
                (long) polls("ok").count(), (long) polls("failed").count(), (long) retries.count(),
                (long) errors("poll").count(), (long) errors("write").count(), newestMillis);
    }

    /** The poll that is ending, as the status page shows the last one. */
    private void rememberPoll(boolean ok) {
        long now = System.currentTimeMillis();
        long millis = Math.max(1, now - pollStartMillis);
        lastPoll = new FlowSnapshot.LastPoll(now, ok, millis, pollRecords, perSecond(pollRecords, millis));
    }

    private static double perSecond(long records, long millis) {
        return millis <= 0 ? 0 : records * 1000.0 / millis;
    }

    // ----

    private void pageDone() {
        pages.increment();
        pollPages++;
    }

    private void pollEnded() {
        polling = false;
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
    }

    /** Logs how far the poll is, at most once per progress interval (from the consumer's thread or the tick). */
    private synchronized void progress() {
        long now = System.nanoTime();
        // a tenth of slack: the tick fires one interval after the last line, give or take a few milliseconds
        if (!polling || progressNanos <= 0 || now - lastProgress < progressNanos - progressNanos / 10) {
            return;
        }
        lastProgress = now;
        long records = pollRecords;
        long seconds = TimeUnit.NANOSECONDS.toSeconds(now - pollStart);
        long perSecond = records * TimeUnit.SECONDS.toNanos(1) / Math.max(1, now - pollStart);
        long total = totalPages;
        if (total > 0) {
            LOG.info("{}: page {} of {} ({} to go), {} records so far, {} records/s", title, pageNo, total,
                    Math.max(0, total - pageNo), records, perSecond);
        } else if (records > 0) {
            LOG.info("{}: {} pages, {} records so far in {} s, {} records/s", title, pollPages, records, seconds,
                    perSecond);
        } else {
            LOG.info("{}: poll running for {} s, waiting for EnOS's first answer", title, seconds);
        }
    }

    private double pollSeconds() {
        return polling ? (System.nanoTime() - pollStart) / 1e9 : 0;
    }

    private double lagSeconds() {
        long newest = newestMillis;
        return newest < 0 ? Double.NaN : (System.currentTimeMillis() - newest) / 1000.0;
    }

    private Counter polls(String outcome) {
        return Counter.builder("camelenos.sync.polls").tag("flow", flow).tag("outcome", outcome)
                .description("Polls of EnOS by the flow, by outcome").register(registry);
    }

    private Counter errors(String stage) {
        return Counter.builder("camelenos.sync.errors").tag("flow", flow).tag("stage", stage)
                .description("Failed polls (stage poll) and records not written after their retries (stage write)")
                .register(registry);
    }

    /** The exception and its causes' messages in one line: the detail a log reader needs, without a stack trace. */
    static String describe(Throwable exception) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(UntrustedText.forLog(t.getMessage()));
        }
        return text.toString();
    }
}
