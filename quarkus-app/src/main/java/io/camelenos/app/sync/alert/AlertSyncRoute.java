package io.camelenos.app.sync.alert;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.app.EtlConfig;
import io.camelenos.app.sync.SyncMonitor;
import io.camelenos.app.sync.SyncRoute;
import io.camelenos.component.EnosConstants;
import org.apache.camel.model.RouteDefinition;

/**
 * Alert sync: the alert consumer ({@code enos:alert/searchActiveAlerts}) routes each alert once when it becomes active
 * and once when it recovers; the alert is written to {@code enos_alert} (inserted, then updated with its status and
 * recovery time) and, when {@code camel-enos.alerts.forward-uri} is set, sent on to that endpoint as JSON text. The
 * set of active alerts is in the same database ({@code enos_consumer_state}, repository {@value #FLOW}).
 */
@ApplicationScoped
public class AlertSyncRoute extends SyncRoute {

    public static final String ROUTE_ID = "alert-sync";
    public static final String FLOW = "alerts";
    private static final String STATE = "camelEnosAlertState";

    @Override
    public void configure() {
        EtlConfig.Alerts alerts = config.alerts();
        if (!alerts.enabled()) {
            return;
        }
        require(alerts.pageSize() >= 1 && alerts.pageSize() <= 1000, "alerts.page-size", alerts.pageSize(),
                "must be between 1 and 1000");
        SyncMonitor monitor = monitor(FLOW, "Alert sync", SyncMonitor.Lag.POLL);
        AlertTable table = new AlertTable(dataSource);
        retryFailedWrites(monitor);

        String uri = "enos:alert/searchActiveAlerts?pageSize=" + alerts.pageSize()
                     + "&delay=" + alerts.delay().toMillis()
                     + alerts.expression().filter(e -> !e.isBlank()).map(e -> "&expression=" + raw(e)).orElse("");
        RouteDefinition route = syncRoute(ROUTE_ID, consumer(ROUTE_ID, uri, alerts.options(), monitor))
                // kept aside: a forward endpoint may change the message's headers
                .setProperty(STATE, header(EnosConstants.ALERT_STATE))
                .process(exchange -> table.upsert(exchange.getMessage().getMandatoryBody(JsonNode.class),
                        exchange.getProperty(STATE, String.class)));
        alerts.forwardUri().filter(u -> !u.isBlank()).ifPresent(forward -> route
                .process(exchange -> exchange.getMessage().setBody(exchange.getMessage().getBody(JsonNode.class)
                        .toString()))
                .to(forward));
        route.process(exchange -> monitor.written(exchange.getProperty(STATE, String.class).toLowerCase(), 1));
    }
}
