package io.camelenos.component.client;

/**
 * Sends requests to the EnOS gateway: authentication, signing, retries and rate limiting are the client's business.
 * Bind your own implementation as a bean and set the component's {@code client} option to replace the built-in one.
 */
public interface EnosClient extends AutoCloseable {

    /**
     * Sends the request and decodes the envelope.
     *
     * @throws io.camelenos.component.EnosApiException for a non-zero API code or an HTTP error
     * @throws java.io.UncheckedIOException            when the gateway stays unreachable after the retries
     */
    EnosReply send(EnosRequest request);

    @Override
    default void close() {
        // the built-in client shares the component's HttpClient: nothing to close
    }
}
