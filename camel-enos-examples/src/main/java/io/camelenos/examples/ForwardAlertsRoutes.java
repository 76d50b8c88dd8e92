package io.camelenos.examples;

import java.time.Instant;

import io.camelenos.component.EnosConstants;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Forwards new and recovered alerts to an HTTP webhook: {@code enos:alert/searchActiveAlerts} (the alert consumer, its
 * seen alert ids in a {@link io.camelenos.component.state.CrashSafeFileStateRepository}) → one POST per alert to
 * {@code forward-alerts.webhook-url}. A failed call is redelivered with exponential backoff; an alert the webhook still
 * refuses after {@code forward-alerts.max-redeliveries} goes to {@code alerts.jsonl} in
 * {@code forward-alerts.dead-letter-dir}. Only when that file is written too is the alert done: if it cannot be
 * written, the exchange fails and the next poll forwards the alert again. The webhook URL and token are never logged.
 */
public class ForwardAlertsRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "forward-alerts";
    private static final String STATE = "forwardAlertsState";
    private static final String WEBHOOK_CALL = "direct:forward-alerts-webhook";
    private static final String DEAD_LETTER = "direct:forward-alerts-dead-letter";

    @Override
    public void configure() {
        bindToRegistry(STATE, StateFiles.open(getContext(), "forward-alerts.state-file"));
        String webhook = webhookUri(ExampleOptions.required(getContext(), "forward-alerts.webhook-url"));
        String token = ExampleOptions.optional(getContext(), "forward-alerts.webhook-token");
        int redeliveries = (int) ExampleOptions.number(getContext(), "forward-alerts.max-redeliveries", 0);

        errorHandler(deadLetterChannel(DEAD_LETTER)
                // a dead letter that cannot be written fails the exchange, so the alert is not marked as forwarded
                .deadLetterHandleNewException(false)
                .useOriginalMessage()
                .maximumRedeliveries(redeliveries)
                .redeliveryDelay(ExampleOptions.number(getContext(), "forward-alerts.redelivery-delay", 0))
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(ExampleOptions.number(getContext(), "forward-alerts.max-redelivery-delay", 0))
                // Camel's own retry and exhausted logs can show the route's endpoints, the webhook URL among them
                .logRetryAttempted(false)
                .logExhausted(false)
                .onRedelivery(e -> log.warn("Alert {}: webhook failed ({}); redelivery {} of {}",
                        e.getProperty("eventId"), reason(e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)),
                        e.getIn().getHeader(Exchange.REDELIVERY_COUNTER), redeliveries)));

        from("enos:alert/searchActiveAlerts?stateRepository=#" + STATE + "&stateKey=forward-alerts&pageSize=100"
             + "&delay={{forward-alerts.delay}}&initialDelay=0&sendEmptyMessageWhenIdle=true")
                .routeId(ROUTE_ID)
                .choice()
                    .when(body().isNull())
                        .log(LoggingLevel.DEBUG, "No new or recovered alert")
                    .otherwise()
                        .setProperty("eventId", header(EnosConstants.EVENT_ID))
                        .setProperty("alertState", header(EnosConstants.ALERT_STATE))
                        .process(e -> e.setProperty("payload", AlertMessages.payload(e.getIn()).toString()))
                        // a redelivery runs the whole call again, from the payload
                        .to(WEBHOOK_CALL)
                        .log("Forwarded ${exchangeProperty.alertState} alert ${exchangeProperty.eventId}")
                .end();

        from(WEBHOOK_CALL).routeId("forward-alerts-webhook")
                .errorHandler(noErrorHandler()) // failures go back to the caller, whose error handler redelivers
                .process(e -> {
                    e.getIn().setBody(e.getProperty("payload", String.class));
                    // only these headers go to the webhook (camel-http never sends the Camel* ones, which the
                    // redelivery counts with)
                    e.getIn().removeHeaders("*", "Camel*");
                    e.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
                    e.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
                    if (!token.isEmpty()) {
                        e.getIn().setHeader("Authorization", "Bearer " + token);
                    }
                })
                .to(webhook)
                .process(ForwardAlertsRoutes::requireSuccess);

        from(DEAD_LETTER).routeId("forward-alerts-dead-letter")
                .errorHandler(noErrorHandler())
                .process(e -> e.getIn().setBody(AlertMessages.deadLetter(e.getIn(),
                        reason(e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)), Instant.now())))
                .to("file:{{forward-alerts.dead-letter-dir}}?fileName=alerts.jsonl&fileExist=Append")
                .log(LoggingLevel.ERROR, "Alert ${header.CamelEnosEventId} (${header.CamelEnosAlertState}) was not "
                                         + "forwarded after " + redeliveries + " redeliveries: "
                                         + "written to ${header.CamelFileNameProduced}");
    }

    /**
     * The camel-http endpoint of the webhook. Camel's HTTP exceptions name the URL, so non-2xx answers are turned
     * into {@link WebhookRefusedException}s here instead; and the URL is not repeated in the error for a bad value.
     */
    static String webhookUri(String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("Option forward-alerts.webhook-url must be an http:// or https:// URL "
                                               + "(the value is not shown: webhook URLs may hold a secret)");
        }
        return url + (url.contains("?") ? "&" : "?") + "throwExceptionOnFailure=false";
    }

    private static void requireSuccess(Exchange e) {
        Integer status = e.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null || status < 200 || status >= 300) {
            throw new WebhookRefusedException(status == null ? 0 : status,
                    e.getIn().getHeader(Exchange.HTTP_RESPONSE_TEXT, String.class));
        }
    }

    /** Why a call failed: the webhook's status, or the connection error (which names the host and port at most). */
    static String reason(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        if (failure instanceof WebhookRefusedException) {
            return failure.getMessage();
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
