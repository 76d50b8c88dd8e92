package io.camelenos.app.metrics;

import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import io.camelenos.component.EnosComponent;
import io.camelenos.component.client.EnosCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.quarkus.runtime.StartupEvent;

/**
 * The {@code enos:} component's client counters (retries, HTTP 429 answers, rate-limiter waits, token fetches) as
 * Micrometer meters, so {@code /q/metrics} shows them beside the app's own. The meters read the component's counters
 * (the figures of its JMX MBean) when scraped. Bound at start to the app's registry.
 */
@Singleton
public class EnosClientMeters implements MeterBinder {

    private final EnosComponent component;

    public EnosClientMeters(@Named("enos") EnosComponent component) {
        this.component = component;
    }

    void bindAtStart(@Observes StartupEvent start, MeterRegistry registry) {
        bindTo(registry);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "camelenos.client.retries", "Attempts of EnOS calls repeated after a transient failure",
                EnosCounters::retries);
        counter(registry, "camelenos.client.rate.limited", "HTTP 429 answers from the EnOS gateway",
                EnosCounters::rateLimitedAnswers);
        counter(registry, "camelenos.client.rate.limit.waits", "EnOS calls held back by the rateLimit option",
                EnosCounters::rateLimitWaits);
        counter(registry, "camelenos.client.token.fetches", "EnOS access tokens fetched or refreshed",
                EnosCounters::tokenFetches);
        FunctionCounter.builder("camelenos.client.rate.limit.wait", component.getCounters(),
                        (ToDoubleFunction<EnosCounters>) c -> c.rateLimitWaitMillis() / 1000.0)
                .baseUnit("seconds").description("Time EnOS calls were held back by the rateLimit option")
                .register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description, ToLongFunction<EnosCounters> value) {
        // the counters object lives as long as the component: the meter's state, held weakly by Micrometer
        FunctionCounter.builder(name, component.getCounters(), (ToDoubleFunction<EnosCounters>) value::applyAsLong)
                .description(description).register(registry);
    }
}
