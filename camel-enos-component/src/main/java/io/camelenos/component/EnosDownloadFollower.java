package io.camelenos.component;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.component.catalog.EnosCatalog;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.client.EnosClient;
import io.camelenos.component.client.EnosReply;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.Message;

/**
 * Follows a Data Federation download to its end ({@code followDownload=true}): download-request answers a task id
 * at once while the file is being prepared, so the status endpoint is polled until the task is done or canceled, and
 * that last status is the answer.
 */
final class EnosDownloadFollower {

    static final String REQUEST = "data-federation/requestDownload";
    private static final String STATUS = "getDownloadStatus";
    /** The states a task does not leave (the Python samples poll until one of these). */
    private static final Set<String> FINAL = Set.of("done", "canceled");

    private final EnosRequestFactory statusRequests;
    private final long interval;
    private final long timeout;

    EnosDownloadFollower(ObjectMapper mapper, EnosConfiguration configuration) {
        EnosOperation status = EnosCatalog.defaultCatalog().find("data-federation", STATUS).orElseThrow();
        this.statusRequests = new EnosRequestFactory(mapper, status, configuration);
        this.interval = configuration.getDownloadPollInterval();
        this.timeout = configuration.getDownloadTimeout();
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
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        while (true) {
            // GET /data-federation/v2.0/channels/read/{channelId}/download/{taskId}/status
            EnosReply status = client.send(statusRequests.create(in, null, null));
            String state = status.data().path("status").asText("");
            if (FINAL.contains(state)) {
                return status;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new ExchangeTimedOutException(exchange, timeout, "EnOS download task " + taskId
                        + " is still " + state + " after downloadTimeout " + timeout + " ms");
            }
            sleep();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("Interrupted while following an EnOS download"));
        }
    }
}
