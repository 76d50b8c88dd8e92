package io.camelenos.component.health;

import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * Health of an {@code enos:} polling consumer: Camel's own poll-outcome check (DOWN after failed polls, with the error
 * count and the last error), plus the classified cause of the last failure (auth refused, org refused, unreachable,
 * rate limited) so that the report says what to fix. It does not call the gateway: the polls already do.
 */
public final class EnosConsumerHealthCheck implements HealthCheck {

    private final ScheduledPollConsumer consumer;
    private volatile ScheduledPollConsumerHealthCheck pollOutcome;
    private volatile boolean enabled = true;

    public EnosConsumerHealthCheck(ScheduledPollConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result polls = pollOutcome().call(options);
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).state(polls.getState())
                .details(polls.getDetails());
        polls.getMessage().ifPresent(builder::message);
        polls.getError().ifPresent(error -> {
            if (polls.getState() == State.DOWN) {
                EnosHealthResults.down(builder, error);
            } else {
                builder.error(error);
            }
        });
        return builder.build();
    }

    /** Camel's check, built on first use: the route id it is named after is known only once the route is built. */
    private ScheduledPollConsumerHealthCheck pollOutcome() {
        ScheduledPollConsumerHealthCheck check = pollOutcome;
        if (check == null) {
            check = new ScheduledPollConsumerHealthCheck(consumer, "consumer:" + consumer.getRouteId());
            check.setEnabled(enabled);
            pollOutcome = check;
        }
        return check;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        ScheduledPollConsumerHealthCheck check = pollOutcome;
        if (check != null) {
            check.setEnabled(enabled);
        }
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return "consumer:enos-" + consumer.getRouteId();
    }
}
