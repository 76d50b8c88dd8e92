package io.camelenos.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * A timer that sends numbered heartbeat messages to a target endpoint. It stands in for the EnOS
 * examples until the {@code enos:} component exists, and shows how the examples are configured:
 * {@code heartbeat.period} (ms), {@code heartbeat.count} (0 = forever) and {@code heartbeat.target}
 * (a Camel endpoint URI), all from {@code application.properties} or the command line.
 */
public class HeartbeatRoutes extends RouteBuilder {

    /** Route id, for tests and logs. */
    public static final String ROUTE_ID = "heartbeat";

    @Override
    public void configure() {
        from("timer:heartbeat?includeMetadata=true&period={{heartbeat.period:1000}}&repeatCount={{heartbeat.count:0}}")
                .routeId(ROUTE_ID)
                .setBody(simple("heartbeat #${exchangeProperty.CamelTimerCounter}"))
                .to("{{heartbeat.target:log:io.camelenos.examples.heartbeat}}");
    }
}
