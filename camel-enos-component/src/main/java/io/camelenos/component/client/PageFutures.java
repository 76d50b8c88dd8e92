package io.camelenos.component.client;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The one way the page loops ({@link PageStream} and the TSDB consumer's reader) take the answer of a request they sent
 * ahead: the request's own failure is rethrown as it was (an {@code EnosApiException} stays one), after the loop has
 * been closed so that the requests still in flight are cancelled.
 */
public final class PageFutures {

    private PageFutures() {
    }

    /**
     * The page of a finished or finishing request.
     *
     * @param onFailure closes the loop before the failure is thrown
     * @param what      names the request in the message of a cancelled one
     */
    public static <T> T take(Future<T> future, Runnable onFailure, String what) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            onFailure.run();
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) {
            throw new UncheckedIOException(new InterruptedIOException(what + " cancelled"));
        }
    }
}
