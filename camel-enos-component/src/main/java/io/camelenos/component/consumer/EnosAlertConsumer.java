package io.camelenos.component.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.component.EnosConfiguration;
import io.camelenos.component.EnosConstants;
import io.camelenos.component.EnosEndpoint;
import io.camelenos.component.catalog.EnosCatalog;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.client.EnosReply;
import io.camelenos.component.client.EnosRequest;
import io.camelenos.component.client.PageCursor;
import io.camelenos.component.client.PageIterator;
import io.camelenos.component.client.Pages;
import io.camelenos.component.state.ChangeTracker;
import io.camelenos.component.state.ChangeTracker.Change;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/**
 * Follows the active alerts of the event service ({@code enos:alert/searchActiveAlerts}): each poll reads every active
 * alert (with the endpoint's filters) and routes the ones not seen before as ACTIVE; alerts active at the last poll
 * and no longer active are looked up in the alert history and routed as RECOVERED. An alert raised and recovered
 * between two polls is found in the history too: each poll searches it from the newest occur time the consumer had
 * seen (less the lookback) and routes the alerts it never saw as RECOVERED. Each alert id is routed once per state,
 * and the alerts seen live in a Camel state repository, written after each exchange completed.
 */
public class EnosAlertConsumer extends ScheduledBatchPollingConsumer implements EnosConsumerStats.Source {

    private static final int PAGE_SIZE = 1000;
    private static final int IDS_PER_HISTORY_SEARCH = 100;
    /** State entry (after the state key) of the newest occurTime seen, where the next history sweep starts. */
    private static final String NEWEST_OCCUR = "#newestOccurTime";
    /** How far past the later of the local clock and the newest occurTime a sweep reaches: the EnOS clock may lead. */
    private static final long SWEEP_AHEAD = Duration.ofDays(7).toMillis();

    private final EnosConsumerStats stats = new EnosConsumerStats();
    private final EnosConsumerConfiguration options;
    private final EnosConfiguration config;
    private final EnosOperation active;
    private final EnosOperation history;
    private Function<JsonNode, Object> converter;
    private ChangeTracker alerts;
    private StateRepository<String, String> repository;
    private String stateKey;
    /** Newest occurTime among the alerts of this poll, and whether any of its exchanges failed. */
    private long newestOccur;
    private boolean failures;

    public EnosAlertConsumer(EnosEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.options = endpoint.getConsumerConfiguration();
        this.config = endpoint.getConfiguration();
        this.active = endpoint.getResolvedOperation();
        this.history = EnosCatalog.defaultCatalog().find("alert", "searchHistoryAlerts").orElseThrow();
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
        converter = getEndpoint().createConverter();
        repository = StateKeys.repository(getEndpoint());
        stateKey = StateKeys.of(getEndpoint());
        alerts = new ChangeTracker(repository, stateKey);
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        BatchEmitter emitter = new BatchEmitter(this);
        boolean complete = false;
        boolean failed = true;
        String sweepFrom = repository.getState(stateKey + NEWEST_OCCUR);
        newestOccur = sweepFrom == null ? Long.MIN_VALUE : Long.parseLong(sweepFrom);
        failures = false;
        alerts.begin();
        try {
            complete = routeNewAlerts(emitter);
            if (complete) {
                routeRecoveries(emitter);
                if (sweepFrom != null) {
                    routeUnseenRecoveries(emitter, Long.parseLong(sweepFrom) - options.getLookback());
                }
            }
            failed = false;
        } finally {
            boolean batchComplete = !failed;
            emitter.finish(last -> {
            }, batchComplete); // a poll that failed part-way does not claim its batch complete
            alerts.end(complete);
        }
        // a failed alert that recovers before the next poll is found only by a sweep that starts before it
        if (complete && !failures && newestOccur != Long.MIN_VALUE) {
            repository.setState(stateKey + NEWEST_OCCUR, Long.toString(newestOccur));
        }
        return emitter.sent();
    }

    @Override
    public int processBatch(Queue<Object> exchanges) {
        // poll() routes each alert as its page arrives
        throw new UnsupportedOperationException("EnosAlertConsumer routes alerts as it pages");
    }

    /** Pages through the active alerts; true when it saw them all with an unchanged total. */
    private boolean routeNewAlerts(BatchEmitter emitter) {
        Function<PageCursor, EnosRequest> requests = getEndpoint().createPageRequests(active, config,
                options.getBody());
        int pageSize = config.getPageSize() == null ? PAGE_SIZE : config.getPageSize();
        long firstTotal = -1;
        for (int pageNo = 1;; pageNo++) {
            EnosReply reply = getEndpoint().getClient().send(
                    requests.apply(new PageCursor(pageNo, pageSize, null)));
            stats.page();
            long total = reply.pagination().path("totalSize").asLong(-1);
            firstTotal = pageNo == 1 ? total : firstTotal;
            for (JsonNode alert : reply.data()) {
                routeIfNew(alert, emitter);
            }
            if (total != firstTotal || !isRunAllowed()) {
                return false; // alerts came or went while paging: some may have been skipped
            }
            if (reply.data().size() < pageSize || (long) pageNo * pageSize >= total) {
                return true;
            }
        }
    }

    private void routeIfNew(JsonNode alert, BatchEmitter emitter) {
        newestOccur = Math.max(newestOccur, alert.path("occurTime").asLong(Long.MIN_VALUE));
        String eventId = alert.path("eventId").asText();
        Change change = alerts.classifyKnown(eventId, Long.toString(alert.path("occurTime").asLong()));
        if (change != null) {
            emitter.offer(exchange(alert, eventId, "ACTIVE"), ok -> outcome(change, ok));
        }
    }

    /** The alerts active before and not now: their history records, searched by id around their occur times. */
    private void routeRecoveries(BatchEmitter emitter) {
        List<String> gone = new ArrayList<>(alerts.missing());
        for (int i = 0; i < gone.size(); i += IDS_PER_HISTORY_SEARCH) {
            List<String> ids = gone.subList(i, Math.min(gone.size(), i + IDS_PER_HISTORY_SEARCH));
            List<String> found = new ArrayList<>();
            for (JsonNode alert : historyOf(ids)) {
                String eventId = alert.path("eventId").asText();
                found.add(eventId);
                Change recovery = alerts.deletion(eventId);
                emitter.offer(exchange(alert, eventId, "RECOVERED"), ok -> outcome(recovery, ok));
            }
            // deleted rather than recovered: nothing to report, and nothing to remember
            ids.stream().filter(id -> !found.contains(id)).forEach(id -> alerts.committed(alerts.deletion(id)));
        }
    }

    /**
     * The history alerts that occurred since {@code from} (with the endpoint's filters) and that this consumer never
     * saw: raised and recovered between two polls, or raised while an earlier ACTIVE exchange failed.
     */
    private void routeUnseenRecoveries(BatchEmitter emitter, long from) {
        EnosConfiguration window = config.copy();
        window.setStartTime(TsdbTimes.format(from));
        window.setEndTime(TsdbTimes.format(Math.max(from, System.currentTimeMillis()) + SWEEP_AHEAD));
        PageIterator history = new PageIterator(getEndpoint().getClient(),
                getEndpoint().createPageRequests(this.history, window, options.getBody()),
                this.history, Pages.first(this.history, PAGE_SIZE));
        while (history.hasNext() && isRunAllowed()) {
            JsonNode alert = history.next();
            String eventId = alert.path("eventId").asText();
            if (!alerts.seen(eventId)) {
                newestOccur = Math.max(newestOccur, alert.path("occurTime").asLong(Long.MIN_VALUE));
                Change recovery = alerts.deletion(eventId);
                // a failure is not remembered: the next sweep starts no later and finds the alert again
                emitter.offer(exchange(alert, eventId, "RECOVERED"), ok -> {
                    if (ok) {
                        alerts.committed(recovery);
                    } else {
                        failures = true;
                    }
                });
            }
        }
    }

    /** POST event-service/v2.1/history-alerts?action=search: these ids, between their earliest and latest occurTime. */
    private JsonNode historyOf(List<String> ids) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (String id : ids) {
            long occur = Long.parseLong(alerts.stored(id));
            from = Math.min(from, occur);
            to = Math.max(to, occur);
        }
        ObjectNode body = getEndpoint().getMapper().createObjectNode();
        body.put("startOccurTime", TsdbTimes.format(from));
        body.put("endOccurTime", TsdbTimes.format(to));
        body.put("expression", "eventId in (" + String.join(",", ids.stream().map(id -> "'" + id + "'").toList()) + ")");
        body.putObject("pagination").put("pageNo", 1).put("pageSize", IDS_PER_HISTORY_SEARCH);
        Map<String, String> query = Map.of("orgId", config.getOrgId(), "action", history.action());
        return getEndpoint().getClient().send(new EnosRequest(history.method(), history.path(), query,
                body.toString(), history.envelope(), history.service(), history.name(), history.userAuth(), true)).data();
    }

    private void outcome(Change change, boolean ok) {
        if (ok) {
            alerts.committed(change);
        } else {
            failures = true;
            alerts.failed(change);
        }
    }

    private Exchange exchange(JsonNode alert, String eventId, String state) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(converter.apply(alert));
        message.setHeader(EnosConstants.EVENT_ID, eventId);
        message.setHeader(EnosConstants.ALERT_STATE, state);
        return exchange;
    }
}
