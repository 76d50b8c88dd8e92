package io.camelenos.app.sync;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The monitors of the sync flows that are configured, by flow name, so that the status page can ask each for its
 * {@link FlowSnapshot}. A flow that is turned off has none.
 */
@ApplicationScoped
public class SyncMonitors {

    private final Map<String, SyncMonitor> monitors = new ConcurrentHashMap<>();

    void add(SyncMonitor monitor) {
        monitors.put(monitor.flow(), monitor);
    }

    public Optional<SyncMonitor> of(String flow) {
        return Optional.ofNullable(monitors.get(flow));
    }
}
