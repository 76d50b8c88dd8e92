package io.camelenos.component;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.catalog.EnosCatalog;
import io.camelenos.component.catalog.EnosOperation;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Service tests that call each catalogued operation of a service through {@code enos:} and check that none was left
 * out: {@link #call} records the operation names it was given, {@link #assertEveryOperationCalled} compares them
 * with the catalogue.
 */
abstract class EnosServiceTestSupport extends EnosTestSupport {

    final Set<String> called = new TreeSet<>();

    /** Sends the body to {@code enos:service/operation?options} and answers the exchange (with the answer's headers). */
    Exchange call(String service, String operation, String options, Object body) {
        called.add(operation);
        Exchange exchange = template.request("enos:" + service + "/" + operation + (options.isEmpty() ? "" : "?" + options),
                e -> e.getMessage().setBody(body));
        if (exchange.getException() != null) {
            throw new CamelExecutionException("enos:" + service + "/" + operation + " failed", exchange,
                    exchange.getException());
        }
        return exchange;
    }

    /** The body of {@link #call} as JSON. */
    JsonNode json(String service, String operation, String options, Object body) {
        return call(service, operation, options, body).getMessage().getBody(JsonNode.class);
    }

    /** The EnosApiException a call fails with; its message must not be empty. */
    EnosApiException failure(String service, String operation, String options, Object body) {
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> call(service, operation, options, body));
        EnosApiException error = assertInstanceOf(EnosApiException.class, thrown.getCause());
        assertFalse(error.getMsg().isBlank(), "an API error carries a message");
        assertEquals(service, error.getService());
        return error;
    }

    /** Every operation of the service (those whose name ends as given, e.g. V20) was called by this test. */
    void assertEveryOperationCalled(String service, java.util.function.Predicate<String> names) {
        Set<String> catalogued = EnosCatalog.defaultCatalog().operations().stream()
                .filter(op -> op.service().equals(service)).map(EnosOperation::name).filter(names)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(catalogued, new TreeSet<>(called.stream().filter(names).toList()));
    }
}
