package io.camelenos.app.sync;

import java.util.Optional;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.camelenos.app.EtlConfig;
import io.camelenos.app.cluster.ClusterMode;
import io.camelenos.app.state.ConsumerStates;
import io.camelenos.component.EnosEndpoint;
import io.camelenos.component.state.JdbcStateRepository;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * What the three sync flows have in common: an {@code enos:} consumer whose state lives in the app's database (one
 * {@link JdbcStateRepository} per flow, under a fixed state key so that changing the flow's options keeps it), a
 * {@link SyncMonitor} as its poll strategy and exception handler, and writes tried again a few times before the
 * record is left to the next poll. Each subclass is one flow: one route, or in cluster mode (telemetry) one route per
 * partition; in cluster mode each route is consumed through {@code master:} (see {@link ClusterMode}).
 */
public abstract class SyncRoute extends RouteBuilder {

    @Inject
    protected EtlConfig config;

    @Inject
    protected AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    SyncMonitors monitors;

    @Inject
    protected ClusterMode cluster;

    /** A new monitor for this flow's meters, logs and status page. */
    protected SyncMonitor monitor(String flow, String title, SyncMonitor.Lag lag) {
        // shared by the flows: registering it again answers the meter already there
        FunctionCounter.builder("camelenos.sync.nul.removed", JsonText.class, text -> JsonText.nulsRemoved())
                .description("NUL characters removed from EnOS text before it was written (PostgreSQL refuses them)")
                .register(registry);
        SyncMonitor monitor = new SyncMonitor(flow, title, lag, config.sync().progressInterval(), registry);
        monitors.add(monitor);
        return monitor;
    }

    /**
     * The flow's consumer endpoint: the URI with the user's extra options appended, its state in table
     * {@code enos_consumer_state} under repository {@code flow}, and the monitor watching its polls.
     */
    protected Endpoint consumer(String routeId, String uri, Optional<String> extraOptions, SyncMonitor monitor) {
        return consumer(routeId, monitor.flow(), uri, extraOptions, monitor);
    }

    /**
     * The flow's consumer endpoint, its state under repository and state key {@code state}: in cluster mode behind
     * {@code master:}, so that one replica at a time (the route's leader) consumes it.
     */
    protected Endpoint consumer(String routeId, String state, String uri, Optional<String> extraOptions,
                                SyncMonitor monitor) {
        String full = extraOptions.filter(o -> !o.isBlank()).map(o -> uri + "&" + o.strip()).orElse(uri);
        EnosEndpoint endpoint = endpoint(full, EnosEndpoint.class);
        endpoint.getConsumerConfiguration().setStateRepository(ConsumerStates.inAppDatabase(dataSource, state));
        endpoint.getConsumerConfiguration().setStateKey(state);
        endpoint.setPollStrategy(monitor);
        endpoint.setExceptionHandler(monitor);
        return cluster.leaderOnly(getContext(), routeId, full, endpoint);
    }

    /**
     * The route of a sync flow, from its consumer endpoint. In cluster mode it does not start with the context:
     * {@link ClusterMode} starts it a little later, when this replica joins the route's election (see ClusterMode).
     */
    protected RouteDefinition syncRoute(String routeId, Endpoint consumer) {
        return from(consumer).routeId(routeId).autoStartup(cluster.startsWithContext());
    }

    /**
     * A failed write (database, forward) is tried {@code camel-enos.sync.write-retries} more times; after that the
     * exchange fails, the consumer keeps the record's old state, and its next poll brings the record again.
     */
    protected void retryFailedWrites(SyncMonitor monitor) {
        onException(Exception.class)
                .maximumRedeliveries(config.sync().writeRetries())
                .redeliveryDelay(config.sync().writeRetryDelay().toMillis())
                .onRedelivery(exchange -> monitor.retried())
                // the monitor logs the failure in one line when the consumer hands it over
                .logExhausted(false)
                .logRetryAttempted(false);
    }

    /** As {@link #retryFailedWrites(SyncMonitor)}, for one route of a builder that has several (each its monitor). */
    protected RouteDefinition retryFailedWrites(RouteDefinition route, SyncMonitor monitor) {
        route.onException(Exception.class)
                .maximumRedeliveries(config.sync().writeRetries())
                .redeliveryDelay(config.sync().writeRetryDelay().toMillis())
                .onRedelivery(exchange -> monitor.retried())
                .logExhausted(false)
                .logRetryAttempted(false)
                .end();
        return route;
    }

    /** {@code RAW(value)}: free text (expressions, times) goes into the URI untouched by Camel's URI parsing. */
    protected static String raw(String value) {
        return "RAW(" + value + ")";
    }

    /** Fails the start with a message naming the app option, as the component does for its own options. */
    protected static void require(boolean ok, String key, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("camel-enos." + key + " " + rule + ", was " + value);
        }
    }
}
