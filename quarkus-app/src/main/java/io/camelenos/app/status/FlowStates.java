package io.camelenos.app.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.camelenos.app.sync.FlowSnapshot;
import io.camelenos.app.sync.SyncMonitor;

/**
 * Turns what a flow's monitor knows ({@link FlowSnapshot}) and whether its route runs into the {@link AppStatus.Flow}
 * the page shows: the state, the progress of the poll under way, the lag, the last error.
 */
final class FlowStates {

    /** A flow as configured: its name, log title, route id, whether it is on, and its pause between polls. */
    record Definition(String flow, String title, String routeId, boolean enabled, Duration delay) {
    }

    private FlowStates() {
    }

    /** A flow that is turned off: no route, no monitor. */
    static AppStatus.Flow off(Definition definition) {
        return new AppStatus.Flow(definition.flow(), definition.title(), definition.routeId(), false, "off",
                seconds(definition.delay()), null, new AppStatus.Records(0, 0, Map.of()), null, null, null,
                null, 0, new AppStatus.Errors(0, 0), null);
    }

    /** A configured flow; {@code routeStarted} is false while its route is stopped. */
    static AppStatus.Flow of(Definition definition, FlowSnapshot snapshot, boolean routeStarted) {
        FlowSnapshot.LastPoll last = snapshot.lastPoll();
        FlowSnapshot.Running running = snapshot.running();
        Double rate = null; // of the poll under way, else of the last one
        if (running != null) {
            rate = Math.round(running.recordsPerSecond() * 10) / 10.0;
        } else if (last != null) {
            rate = Math.round(last.recordsPerSecond() * 10) / 10.0;
        }
        return new AppStatus.Flow(definition.flow(), definition.title(), definition.routeId(), true,
                state(snapshot, routeStarted), seconds(definition.delay()), lastPoll(last),
                new AppStatus.Records(snapshot.recordsTotal(), last == null ? 0 : last.records(), snapshot.written()),
                rate, running == null ? null : progress(snapshot, running), lag(snapshot),
                snapshot.lag() == SyncMonitor.Lag.RECORD ? "newest record" : "last successful poll",
                snapshot.retries(), new AppStatus.Errors(snapshot.pollErrors(), snapshot.writeErrors()),
                lastError(snapshot.lastFailure()));
    }

    /** A flow of a cluster route that another replica leads: what this replica did while it led, if ever. */
    static AppStatus.Flow notLeader(Definition definition, FlowSnapshot snapshot) {
        AppStatus.Flow flow = of(definition, snapshot, true);
        return new AppStatus.Flow(flow.flow(), flow.title(), flow.routeId(), true, "not-leader",
                flow.pollEverySeconds(), flow.lastPoll(), flow.records(), null, null, flow.lagSeconds(),
                flow.lagFrom(), flow.retries(), flow.errors(), flow.lastError());
    }

    private static String state(FlowSnapshot snapshot, boolean routeStarted) {
        if (!routeStarted) {
            return "stopped";
        }
        // a flow whose last poll failed stays "failing" while it tries again, until a poll succeeds
        if (snapshot.lastPoll() != null && !snapshot.lastPoll().ok()) {
            return "failing";
        }
        return snapshot.running() != null ? "running" : "idle";
    }

    private static AppStatus.Progress progress(FlowSnapshot snapshot, FlowSnapshot.Running running) {
        if (running.recordTotal() > 0 && running.recordNo() > 0) {
            double percent = Math.min(100, 100.0 * running.recordNo() / running.recordTotal());
            String pages = running.totalPages() > 0 ? " (page " + running.pageNo() + " of " + running.totalPages() + ")"
                    : "";
            return new AppStatus.Progress("records", running.recordNo(), running.recordTotal(), percent, null,
                    running.recordNo() + " of " + running.recordTotal() + " records" + pages);
        }
        if (snapshot.lag() == SyncMonitor.Lag.RECORD && running.oldestRecord() >= 0) {
            // the time range the poll reads: from its oldest record to the poll's start (the TSDB consumer reads up to
            // the time its poll began), so the bar only moves forward; done up to its newest record
            long end = Math.max(running.startedAt(), running.newestRecord());
            double total = Math.max(1, end - running.oldestRecord()) / 1000.0;
            double done = Math.max(0, running.newestRecord() - running.oldestRecord()) / 1000.0;
            double percent = Math.min(100, 100 * done / total);
            return new AppStatus.Progress("time", done, total, percent, iso(running.oldestRecord()),
                    "read up to " + iso(running.newestRecord()));
        }
        return null;
    }

    private static Double lag(FlowSnapshot snapshot) {
        return snapshot.newestState() < 0 ? null : Math.max(0, snapshot.takenAt() - snapshot.newestState()) / 1000.0;
    }

    private static AppStatus.LastPoll lastPoll(FlowSnapshot.LastPoll last) {
        return last == null ? null
                : new AppStatus.LastPoll(iso(last.endedAt()), last.ok() ? "ok" : "failed", last.millis(),
                        last.records());
    }

    private static AppStatus.LastError lastError(FlowSnapshot.Failure failure) {
        return failure == null ? null
                : new AppStatus.LastError(iso(failure.at()), failure.stage(), SafeText.of(failure.message()));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    static String iso(long epochMillis) {
        return epochMillis < 0 ? null : Instant.ofEpochMilli(epochMillis).toString();
    }
}
