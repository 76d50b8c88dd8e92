package io.camelenos.app.sync;

import java.util.Map;

/**
 * What one sync flow's {@link SyncMonitor} knows at one moment, for the status page: the poll under way (if any), the
 * last poll that ended, the last failure, and the totals its meters count. Times are epoch milliseconds; -1 = none.
 *
 * @param flow        the flow's name ({@code assets}, {@code telemetry}, {@code alerts})
 * @param title       how the log names it ({@code Asset sync})
 * @param lag         what its lag is measured from
 * @param takenAt     when this snapshot was taken
 * @param running     the poll under way, null between polls
 * @param lastPoll    the last poll that ended, null before the first
 * @param lastFailure the last failed poll or record write, null if none yet
 * @param written     records written since the start, by kind of change ({@code created}, {@code inserted}, ...)
 * @param newestState the newest state in the database: end of the last good poll or newest record time
 */
public record FlowSnapshot(String flow, String title, SyncMonitor.Lag lag, long takenAt, Running running,
                           LastPoll lastPoll, Failure lastFailure, Map<String, Long> written, long pollsOk,
                           long pollsFailed, long retries, long pollErrors, long writeErrors, long newestState) {

    /**
     * The poll under way: when it started, what it wrote so far and how fast, which page of how many and which record
     * of how many (search flows; -1 = unknown) and the record times it has written (telemetry; -1 = none yet).
     */
    public record Running(long startedAt, long records, double recordsPerSecond, int pageNo, long totalPages,
                          long recordNo, long recordTotal, long oldestRecord, long newestRecord) {
    }

    /** A poll that ended: when, whether it succeeded, how long it took and what it wrote. */
    public record LastPoll(long endedAt, boolean ok, long millis, long records, double recordsPerSecond) {
    }

    /** A failure: when, at which stage ({@code poll} or {@code write}) and its message with its causes'. */
    public record Failure(long at, String stage, String message) {
    }

    /** Records written since the start, every kind of change together. */
    public long recordsTotal() {
        return written.values().stream().mapToLong(Long::longValue).sum();
    }
}
