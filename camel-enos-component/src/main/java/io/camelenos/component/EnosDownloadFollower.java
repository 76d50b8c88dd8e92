package io.camelenos.component;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.component.catalog.EnosCatalog;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.client.EnosClient;
import io.camelenos.component.client.EnosReply;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.Message;
import org.apache.camel.support.task.BlockingTask;
import org.apache.camel.support.task.Tasks;
import org.apache.camel.support.task.budget.Budgets;
import org.apache.camel.support.task.budget.IterationBudget;

/**
 * Follows a Data Federation download to its end ({@code followDownload=true}): download-request answers a task id
 * at once while the file is being prepared, so the status endpoint is polled until the task is done or canceled, and
 * that last status is the answer.
 * <p>
 * The polling is a Camel foreground task: it shows in Camel's task registry while it waits, an interrupt ends it, and
 * it gives up when its producer stops. Its iteration budget is the downloadTimeout counted in poll intervals (one poll
 * at once, then one per interval), so the time the gateway takes to answer a poll comes on top.
 */
final class EnosDownloadFollower {

    static final String REQUEST = "data-federation/requestDownload";
    private static final String STATUS = "getDownloadStatus";
    /** The states a task does not leave (the Python samples poll until one of these). */
    private static final Set<String> FINAL = Set.of("done", "canceled");

    private final EnosRequestFactory statusRequests;
    private final long interval;
    private final long timeout;
    /** True once the producer is stopping: the route no longer waits for the download. */
    private final BooleanSupplier stopping;

    EnosDownloadFollower(ObjectMapper mapper, EnosConfiguration configuration, BooleanSupplier stopping) {
        EnosOperation status = EnosCatalog.defaultCatalog().find("data-federation", STATUS).orElseThrow();
        this.statusRequests = new EnosRequestFactory(mapper, status, configuration);
        this.interval = configuration.getDownloadPollInterval();
        this.timeout = configuration.getDownloadTimeout();
        this.stopping = stopping;
    }

    static boolean follows(EnosOperation op) {
        return REQUEST.equals(op.key());
    }

    /** Polls the status of the task that {@code requested} started until it is final; sets CamelEnosTaskId. */
    EnosReply follow(EnosClient client, Exchange exchange, EnosReply requested) throws ExchangeTimedOutException {
        String taskId = requested.data().path("taskId").asText("");
        if (taskId.isEmpty()) {
            throw new IllegalStateException("EnOS " + REQUEST + " answered no taskId to follow: " + requested.data());
        }
        Message in = exchange.getMessage();
        in.setHeader(EnosConstants.TASK_ID, taskId); // the status request takes its path parameter from here
        EnosReply[] last = new EnosReply[1];
        boolean ended = task(taskId).run(exchange.getContext(), () -> {
            if (stopping.getAsBoolean()) {
                throw new RejectedExecutionException("Stopped while following EnOS download task " + taskId);
            }
            // GET /data-federation/v2.0/channels/read/{channelId}/download/{taskId}/status
            last[0] = client.send(statusRequests.create(in, null, null));
            return FINAL.contains(state(last[0]));
        });
        if (ended) {
            return last[0];
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new UncheckedIOException(new InterruptedIOException(
                    "Interrupted while following EnOS download task " + taskId));
        }
        throw new ExchangeTimedOutException(exchange, timeout, "EnOS download task " + taskId
                + " is still " + state(last[0]) + " after downloadTimeout " + timeout + " ms");
    }

    private BlockingTask task(String taskId) {
        IterationBudget budget = Budgets.iterationBudget()
                .withInterval(Duration.ofMillis(interval))
                .withMaxIterations(polls())
                .build();
        return Tasks.foregroundTask().withName("enos-download-" + taskId).withBudget(budget).build();
    }

    /** The first poll, then one per interval that fits in the timeout. */
    private int polls() {
        return (int) Math.min(Integer.MAX_VALUE, 1 + timeout / interval);
    }

    private static String state(EnosReply status) {
        return status.data().path("status").asText("");
    }
}
