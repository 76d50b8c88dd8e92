package io.camelenos.app.status;

import java.util.List;
import java.util.Map;

/**
 * The JSON document of {@code GET /api/status}, which the status page polls: which EnOS and database the app uses,
 * each sync flow's state and progress, and the newest active alerts. Times are ISO 8601 UTC strings, null when there
 * is none yet.
 *
 * @param cluster which instance leads which flow; null while the app runs as a single instance (no cluster service)
 */
public record AppStatus(String generatedAt, Enos enos, Database database, List<Flow> flows, Alerts alerts,
                        Object cluster) {

    /**
     * The EnOS the app talks to: {@code embedded-emulator} or {@code tenant}, the gateway URL without user info or
     * query, and the organisation. Never a credential.
     */
    public record Enos(String mode, String gatewayUrl, String orgId) {
    }

    /** The database the flows write to, as its JDBC driver names it ({@code H2}, {@code PostgreSQL}), and version. */
    public record Database(String kind, String version) {
    }

    /**
     * One sync flow.
     *
     * @param state      {@code running} (a poll is under way), {@code idle} (between polls, the last one worked),
     *                   {@code failing} (the last poll failed; the next is under way or due), {@code stopped} (its
     *                   route is not started), {@code off} (turned off in the configuration), {@code not-leader}
     *                   (cluster mode: another replica leads this route; one row per telemetry partition there)
     * @param pollEverySeconds the pause between two polls
     * @param progress   how far the poll under way is, null when there is none or nothing tells
     * @param lag        seconds since the newest state in the database ({@code lagFrom} says which), null before
     */
    public record Flow(String flow, String title, String routeId, boolean enabled, String state,
                       double pollEverySeconds, LastPoll lastPoll, Records records, Double recordsPerSecond,
                       Progress progress, Double lagSeconds, String lagFrom, long retries, Errors errors,
                       LastError lastError) {
    }

    /** The last poll that ended. */
    public record LastPoll(String endedAt, String outcome, long millis, long records) {
    }

    /** Records written: since the start, by the last poll that ended, and by kind of change since the start. */
    public record Records(long total, long lastPoll, Map<String, Long> byChange) {
    }

    /**
     * How far the poll under way is: {@code records} (record {@code done} of the {@code total} EnOS has) for a search,
     * {@code time} (seconds of the time range read, {@code done} of {@code total}, from {@code from} to the poll's
     * start) for the telemetry.
     */
    public record Progress(String unit, double done, double total, double percent, String from, String text) {
    }

    /** Failed polls, and records left to the next poll after their write retries. */
    public record Errors(long poll, long write) {
    }

    /** The last failure, its message neutralised ({@link SafeText}). */
    public record LastError(String at, String stage, String message) {
    }

    /** How many alerts are active in the database, and the newest of them. */
    public record Alerts(long active, List<Alert> newest) {
    }

    /** One active alert as the page lists it. */
    public record Alert(String eventId, String assetId, String assetName, String pointId, String severity,
                        String content, String value, String occurTime) {
    }
}
