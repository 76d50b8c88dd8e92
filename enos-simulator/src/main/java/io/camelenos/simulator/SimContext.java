package io.camelenos.simulator;

import io.camelenos.simulator.data.DataSet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What services share: the org's data set, the clock, and a place for state that several services read (for
 * example the asset trees, which the asset-tree and alert services both need).
 */
public final class SimContext {

    private final DataSet dataSet;
    private final SimClock clock;
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();

    public SimContext(DataSet dataSet, SimClock clock) {
        this.dataSet = dataSet;
        this.clock = clock;
    }

    public DataSet dataSet() {
        return dataSet;
    }

    public SimClock clock() {
        return clock;
    }

    public String orgId() {
        return dataSet.orgId();
    }

    /** The one instance of a shared state class, created on first use with its (SimContext) constructor. */
    public <T> T shared(Class<T> type, java.util.function.Function<SimContext, T> factory) {
        return type.cast(shared.computeIfAbsent(type, t -> factory.apply(this)));
    }
}
