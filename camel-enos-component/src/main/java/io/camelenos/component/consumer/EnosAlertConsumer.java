package io.camelenos.component.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.component.EnosConfiguration;
import io.camelenos.component.EnosConstants;
import io.camelenos.component.EnosConsumerSupport;
import io.camelenos.component.EnosEndpoint;
import io.camelenos.component.catalog.EnosCatalog;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.client.EnosReply;
import io.camelenos.component.client.EnosRequest;
import io.camelenos.component.client.PageCursor;
import io.camelenos.component.state.ChangeTracker;
import io.camelenos.component.state.ChangeTracker.Change;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/**
 * Follows the active alerts of the event service ({@code enos:alert/searchActiveAlerts}): each poll reads every active
 * alert (with the endpoint's filters) and routes the ones not seen before as ACTIVE; alerts active at the last poll
 * and no longer active are looked up in the alert history and routed as RECOVERED. Each alert id is routed once
 * per state, and the set of active alerts lives in a Camel state repository, written after each exchange completed.
 * An alert raised and recovered between two polls is not seen.
 */
public class EnosAlertConsumer extends ScheduledBatchPollingConsumer {

    private static final int PAGE_SIZE = 1000;
    private static final int IDS_PER_HISTORY_SEARCH = 100;

    private final EnosConsumerConfiguration options;
    private final EnosConfiguration config;
    private final EnosOperation active;
    private final EnosOperation history;
    private Function<JsonNode, Object> converter;
    private ChangeTracker alerts;

    public EnosAlertConsumer(EnosEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.options = endpoint.getConsumerConfiguration();
        this.config = endpoint.getConfiguration();
        this.active = EnosConsumerSupport.operation(endpoint);
        this.history = EnosCatalog.defaultCatalog().find("alert", "searchHistoryAlerts").orElseThrow();
    }

    @Override
    public EnosEndpoint getEndpoint() {
        return (EnosEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        converter = EnosConsumerSupport.converter(getEndpoint());
        alerts = new ChangeTracker(StateKeys.repository(getEndpoint()), StateKeys.of(getEndpoint()));
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        BatchEmitter emitter = new BatchEmitter(this);
        boolean complete = false;
        alerts.begin();
        try {
            complete = routeNewAlerts(emitter);
            if (complete) {
                routeRecoveries(emitter);
            }
        } finally {
            emitter.finish(last -> {
            });
            alerts.end(complete);
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
        Function<PageCursor, EnosRequest> requests = EnosConsumerSupport.pageRequests(getEndpoint(), active, config,
                options.getBody());
        int pageSize = config.getPageSize() == null ? PAGE_SIZE : config.getPageSize();
        long firstTotal = -1;
        for (int pageNo = 1;; pageNo++) {
            EnosReply reply = EnosConsumerSupport.client(getEndpoint()).send(
                    requests.apply(new PageCursor(pageNo, pageSize, null)));
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

    /** POST event-service/v2.1/history-alerts?action=search: these ids, between their earliest and latest occurTime. */
    private JsonNode historyOf(List<String> ids) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (String id : ids) {
            long occur = Long.parseLong(alerts.stored(id));
            from = Math.min(from, occur);
            to = Math.max(to, occur);
        }
        ObjectNode body = EnosConsumerSupport.mapper(getEndpoint()).createObjectNode();
        body.put("startOccurTime", TsdbTimes.format(from));
        body.put("endOccurTime", TsdbTimes.format(to));
        body.put("expression", "eventId in (" + String.join(",", ids.stream().map(id -> "'" + id + "'").toList()) + ")");
        body.putObject("pagination").put("pageNo", 1).put("pageSize", IDS_PER_HISTORY_SEARCH);
        Map<String, String> query = Map.of("orgId", config.getOrgId(), "action", history.action());
        return EnosConsumerSupport.client(getEndpoint()).send(new EnosRequest(history.method(), history.path(), query,
                body.toString(), history.envelope(), history.service(), history.name())).data();
    }

    private void outcome(Change change, boolean ok) {
        if (ok) {
            alerts.committed(change);
        } else {
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
