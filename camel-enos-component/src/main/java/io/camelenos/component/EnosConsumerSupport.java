package io.camelenos.component;

import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.client.EnosClient;
import io.camelenos.component.client.EnosRequest;
import io.camelenos.component.client.PageCursor;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;

/**
 * What the consumers (package {@code consumer}) need from an endpoint: its operation, client, mapper and the request
 * of one page built exactly as the producer builds it, from the endpoint's options.
 */
public final class EnosConsumerSupport {

    private EnosConsumerSupport() {
    }

    public static EnosOperation operation(EnosEndpoint endpoint) {
        return endpoint.getResolvedOperation();
    }

    public static EnosClient client(EnosEndpoint endpoint) {
        return endpoint.getClient();
    }

    public static ObjectMapper mapper(EnosEndpoint endpoint) {
        return endpoint.getComponent().getMapper();
    }

    /**
     * The requests of an operation's pages, from the endpoint's options and a base JSON body (null for none).
     *
     * @param operation the endpoint's own operation, or another one (e.g. an asset search run by a TSDB consumer)
     * @param options   the options to read parameters from
     */
    public static Function<PageCursor, EnosRequest> pageRequests(EnosEndpoint endpoint, EnosOperation operation,
                                                                 EnosConfiguration options, String baseBody) {
        EnosRequestFactory factory = new EnosRequestFactory(mapper(endpoint), operation, options);
        JsonNode base = parse(endpoint, baseBody);
        // no message headers: every parameter comes from the options
        Message none = new DefaultMessage(endpoint.getCamelContext());
        return cursor -> factory.create(none, base, cursor);
    }

    /** Turns a record (or page) into the body type chosen with the outputType option. */
    public static Function<JsonNode, Object> converter(EnosEndpoint endpoint) {
        return new EnosResultMapper(mapper(endpoint), endpoint.getConfiguration().getOutputType())::convert;
    }

    private static JsonNode parse(EnosEndpoint endpoint, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return mapper(endpoint).readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Option body is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
