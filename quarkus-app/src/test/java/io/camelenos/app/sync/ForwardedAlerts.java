package io.camelenos.app.sync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.camelenos.component.EnosConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The endpoint the test profile forwards alerts to. Like a flaky downstream system it refuses the first delivery of
 * every alert, so the alert flow must try again (and count the retry); what it accepts is kept for the tests, as
 * "STATE eventId" and the JSON text received.
 */
@ApplicationScoped
public class ForwardedAlerts extends RouteBuilder {

    static final String URI = "direct:forwarded-alerts";

    /** An alert as it arrived. */
    record Forwarded(String state, String eventId, String json) {
    }

    private final List<Forwarded> received = new CopyOnWriteArrayList<>();

    @Override
    public void configure() {
        errorHandler(noErrorHandler()); // the caller (the alert flow) handles the refusal
        from(URI).routeId("test-forwarded-alerts").process(exchange -> {
            Integer redelivery = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
            if (redelivery == null || redelivery == 0) {
                throw new IllegalStateException("the forward target refuses the first delivery of each alert (test)");
            }
            received.add(new Forwarded(exchange.getMessage().getHeader(EnosConstants.ALERT_STATE, String.class),
                    exchange.getMessage().getHeader(EnosConstants.EVENT_ID, String.class),
                    exchange.getMessage().getBody(String.class)));
        });
    }

    List<Forwarded> received() {
        return received;
    }
}
