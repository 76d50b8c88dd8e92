package io.camelenos.app;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * A timer route that logs a heartbeat, so the service has a running Camel route before the EnOS
 * sync flows exist. Its period is {@code camel-enos.heartbeat.period} in milliseconds.
 */
@ApplicationScoped
public class HeartbeatRoute extends RouteBuilder {

    /** Route id, used by health checks and tests. */
    public static final String ROUTE_ID = "heartbeat";

    @Override
    public void configure() {
        from("timer:heartbeat?includeMetadata=true&period={{camel-enos.heartbeat.period}}")
                .routeId(ROUTE_ID)
                .log(LoggingLevel.DEBUG, "io.camelenos.app.heartbeat", "camel-enos heartbeat #${exchangeProperty.CamelTimerCounter}");
    }
}
