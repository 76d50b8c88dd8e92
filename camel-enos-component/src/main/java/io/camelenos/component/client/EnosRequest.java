package io.camelenos.component.client;

import java.util.Map;

import io.camelenos.component.catalog.Envelope;
import io.camelenos.component.catalog.UserAuth;

/**
 * One call to the EnOS gateway, ready to send.
 *
 * @param method    HTTP method
 * @param path      request path with path parameters filled in, e.g. {@code /asset-service/v2.1/assets}
 * @param query     query parameters (decoded values), in the order to send them
 * @param body      raw JSON body, or null for none
 * @param envelope  how to read the answer
 * @param service   {@code enos:} service name, for errors and logs
 * @param operation operation name, for errors and logs
 * @param userAuth  the user credential to send in the Authorization header
 * @param dataRequired whether a successful answer must carry {@code data} (the operation returns some): one without
 *                  it is an error, not an empty result
 */
public record EnosRequest(String method, String path, Map<String, String> query, String body, Envelope envelope,
        String service, String operation, UserAuth userAuth, boolean dataRequired) {

    /** A request whose answer may come without data. */
    public EnosRequest(String method, String path, Map<String, String> query, String body, Envelope envelope,
                       String service, String operation, UserAuth userAuth) {
        this(method, path, query, body, envelope, service, operation, userAuth, false);
    }

    /** A request that needs no user credential, and whose answer may come without data. */
    public EnosRequest(String method, String path, Map<String, String> query, String body, Envelope envelope,
                       String service, String operation) {
        this(method, path, query, body, envelope, service, operation, UserAuth.NONE);
    }
}
