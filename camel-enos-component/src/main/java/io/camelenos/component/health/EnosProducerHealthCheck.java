package io.camelenos.component.health;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of an {@code enos:} producer: probes the gateway with the endpoint's credentials and org id on every
 * call, and reports DOWN with the cause (auth refused, org refused, unreachable, rate limited) when the probe fails.
 * Registered in Camel's producers repository while the producer runs, as Camel's own components do (camel-kafka).
 */
public final class EnosProducerHealthCheck extends AbstractHealthCheck {

    private static final String PRODUCERS_REPOSITORY = "producers";

    private final EnosGatewayProbe probe;

    /**
     * @param name what the check is called after "producer:enos-", e.g. the endpoint's sanitized URI
     */
    public EnosProducerHealthCheck(String name, EnosGatewayProbe probe) {
        super("camel", "producer:enos-" + name);
        this.probe = probe;
    }

    @Override
    public boolean isLiveness() {
        // a gateway that refuses us is no reason to restart the application
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        RuntimeException failure = probe.probe();
        if (failure == null) {
            builder.up();
        } else {
            EnosHealthResults.down(builder, failure);
        }
    }

    /**
     * Adds the check to Camel's producers repository, or does nothing when camel-health is not on the classpath.
     *
     * @return the check added, or null
     */
    public static EnosProducerHealthCheck register(CamelContext context, String name, EnosGatewayProbe probe,
                                                  boolean enabled) {
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(context,
                PRODUCERS_REPOSITORY, WritableHealthCheckRepository.class);
        if (repository == null) {
            return null;
        }
        EnosProducerHealthCheck check = new EnosProducerHealthCheck(name, probe);
        check.setCamelContext(context);
        check.setEnabled(enabled);
        repository.addHealthCheck(check);
        return check;
    }

    /** Removes a check that {@link #register} added; null is ignored. */
    public static void unregister(CamelContext context, EnosProducerHealthCheck check) {
        if (check == null) {
            return;
        }
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(context,
                PRODUCERS_REPOSITORY, WritableHealthCheckRepository.class);
        if (repository != null) {
            repository.removeHealthCheck(check);
        }
    }
}
