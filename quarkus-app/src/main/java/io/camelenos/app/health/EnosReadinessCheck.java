package io.camelenos.app.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.camelenos.app.EtlConfig;
import io.camelenos.app.enos.EnosGateway;
import io.camelenos.component.EnosEndpoint;
import io.camelenos.component.health.EnosProducerHealthCheck;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck.Result;
import org.apache.camel.health.HealthCheck.State;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: DOWN while EnOS is unreachable or refuses our credentials, with the classified cause. The verdict is
 * the component's own producer check ({@link EnosProducerHealthCheck}, called through Camel's health API) over the
 * endpoint {@code camel-enos.health.probe-uri}, so the app and a plain Camel user read the same causes
 * ({@code AUTH_REFUSED}, {@code ORG_REFUSED}, {@code UNREACHABLE}, {@code RATE_LIMITED}, ...). What the app adds: the
 * result is reused for {@code camel-enos.health.cache-ttl}, so frequent health polls do not hammer EnOS, and the data
 * says which gateway and mode.
 */
@Readiness
@ApplicationScoped
public class EnosReadinessCheck implements HealthCheck {

    static final String NAME = "EnOS gateway";
    /** The detail in which the component's checks name the cause (see EnosHealthCause). */
    private static final String CAUSE = "enos.cause";

    @Inject
    CamelContext context;

    @Inject
    EnosGateway gateway;

    @Inject
    EtlConfig config;

    private final Clock clock = Clock.systemUTC();
    private volatile EnosProducerHealthCheck check;
    private volatile Probe last;

    /** One probe's outcome; reason and cause are null when UP. */
    private record Probe(boolean up, String reason, String cause, Instant at) {
    }

    @Override
    public HealthCheckResponse call() {
        Probe probe = current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(probe.up())
                .withData("gatewayUrl", gateway.gatewayUrl())
                .withData("mode", gateway.isEmbeddedEmulator() ? "embedded-emulator" : "tenant")
                .withData("checkedAt", probe.at().toString());
        if (!probe.up()) {
            response.withData("reason", probe.reason());
        }
        if (probe.cause() != null) {
            response.withData("cause", probe.cause());
        }
        return response.build();
    }

    private Probe current() {
        Probe probe = last;
        if (probe != null && probe.at().plus(config.health().cacheTtl()).isAfter(clock.instant())) {
            return probe;
        }
        synchronized (this) {
            // another health request may have probed while this one waited
            probe = last;
            if (probe == null || !probe.at().plus(config.health().cacheTtl()).isAfter(clock.instant())) {
                probe = probeNow();
                last = probe;
            }
            return probe;
        }
    }

    private Probe probeNow() {
        Instant now = clock.instant();
        Result result;
        try {
            result = check().call(Map.of());
        } catch (RuntimeException e) {
            // e.g. an invalid probe URI: DOWN with the reason rather than an error page
            return new Probe(false, "probe could not be sent: " + e.getMessage(), null, now);
        }
        if (result.getState() == State.UP) {
            return new Probe(true, null, null, now);
        }
        Object cause = result.getDetails().get(CAUSE);
        return new Probe(false, result.getMessage().orElse(result.getState().name()),
                cause == null ? null : cause.toString(), now);
    }

    /** The component's check over the probe endpoint, made once (the endpoint's client keeps the token). */
    private EnosProducerHealthCheck check() {
        EnosProducerHealthCheck made = check;
        if (made == null) {
            EnosEndpoint endpoint = context.getEndpoint(config.health().probeUri(), EnosEndpoint.class);
            made = new EnosProducerHealthCheck("readiness", endpoint.createProbe());
            made.setCamelContext(context);
            check = made;
        }
        return made;
    }
}
