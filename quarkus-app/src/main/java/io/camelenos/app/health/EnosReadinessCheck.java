package io.camelenos.app.health;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.camelenos.app.EtlConfig;
import io.camelenos.app.enos.EnosGateway;
import io.camelenos.component.EnosApiException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: DOWN while EnOS is unreachable or refuses our credentials, with the reason. It sends one cheap call
 * ({@code camel-enos.health.probe-uri}) through the {@code enos:} component, so the token, the signature and the
 * gateway are all exercised, and reuses the result for {@code camel-enos.health.cache-ttl}. Any answer in an EnOS
 * envelope proves the gateway took our token and signature, so a business code such as 99404 ("no such asset") counts
 * as UP; a refused org (99403) does not.
 */
@Readiness
@ApplicationScoped
public class EnosReadinessCheck implements HealthCheck {

    static final String NAME = "EnOS gateway";
    private static final int ORG_DENIED = 99403;

    @Inject
    ProducerTemplate template;

    @Inject
    EnosGateway gateway;

    @Inject
    EtlConfig config;

    private final Clock clock = Clock.systemUTC();
    private volatile Probe last;

    private record Probe(boolean up, String reason, Instant at) {
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
        Exchange exchange;
        try {
            exchange = template.send(config.health().probeUri(), ex -> ex.getIn().setBody(null));
        } catch (RuntimeException e) {
            return new Probe(false, "probe could not be sent: " + e.getMessage(), now);
        }
        Exception failure = exchange.getException();
        return failure == null ? new Probe(true, null, now) : new Probe(isUp(failure), reason(failure), now);
    }

    private static boolean isUp(Exception failure) {
        EnosApiException api = cause(failure, EnosApiException.class);
        return api != null && api.getHttpStatus() == 200 && !"token".equals(api.getService())
               && api.getCode() != ORG_DENIED;
    }

    private static String reason(Exception failure) {
        EnosApiException api = cause(failure, EnosApiException.class);
        if (api != null) {
            if ("token".equals(api.getService()) || api.getHttpStatus() == 401 || api.getHttpStatus() == 403) {
                return "EnOS refused the credentials: " + api.getMessage();
            }
            return "EnOS answered with an error: " + api.getMessage();
        }
        UncheckedIOException io = cause(failure, UncheckedIOException.class);
        if (io != null) {
            return "EnOS unreachable: " + io.getMessage();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
