package io.camelenos.component;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.component.catalog.EnosCatalog;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.client.EnosRequest;
import io.camelenos.component.client.PageCursor;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where each parameter lands: query string, JSON body or path, as the catalogue entry says. */
class EnosRequestFactoryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EnosConfiguration configuration = new EnosConfiguration();
    private final Message message = new DefaultExchange(new DefaultCamelContext()).getMessage();

    @Test
    void tsdbReadSendsItsParametersInTheBody() throws Exception {
        configuration.setOrgId("o1");
        configuration.setAssetIds("a1,a2");
        configuration.setPointIds("p1");
        configuration.setStartTime("2024-01-01 00:00:00");
        configuration.setEndTime("2024-01-02 00:00:00");
        configuration.setPageSize(100);

        EnosRequest request = create("tsdb", "read", null);

        assertEquals("POST", request.method());
        assertEquals("/tsdb-service/v2.1/raw", request.path());
        assertEquals(Map.of("orgId", "o1"), request.query());
        JsonNode body = MAPPER.readTree(request.body());
        assertEquals("a1,a2", body.path("assetIds").asText());
        assertEquals(100, body.path("pageSize").intValue());
        assertEquals("2024-01-02 00:00:00", body.path("endTime").asText());
    }

    @Test
    void tsdbV20SendsItsParametersInTheQueryUnderTheirWireNames() {
        configuration.setAssetIds("a1");
        configuration.setPointIds("p1,p2");

        EnosRequest request = create("tsdb", "rawV20", null);

        assertEquals("GET", request.method());
        assertEquals(Map.of("assetIds", "a1", "measurepoints", "p1,p2"), request.query());
        assertNull(request.body());
    }

    @Test
    void searchSendsProjectionAsAnArrayAndThePageAsPagination() throws Exception {
        configuration.setExpression("modelId = 'm'");
        configuration.setProjection("assetId, name.defaultValue");

        EnosRequest request = create("asset", "search", new PageCursor(2, 50, null));

        JsonNode body = MAPPER.readTree(request.body());
        assertEquals("modelId = 'm'", body.path("expression").asText());
        assertEquals(List.of("assetId", "name.defaultValue"),
                MAPPER.convertValue(body.path("projection"), List.class));
        assertEquals(2, body.path("pagination").path("pageNo").intValue());
        assertEquals(50, body.path("pagination").path("pageSize").intValue());
        assertEquals("searchAsset", request.query().get("action"));
    }

    @Test
    void messageBodyBeatsOptionAndHeaderBeatsBoth() throws Exception {
        configuration.setExpression("from option");
        configuration.setProjection("fromOption");
        message.setHeader(EnosConstants.PROJECTION, List.of("fromHeader"));

        EnosRequest request = create("connection", "searchDevice", null,
                "{\"expression\": \"from body\", \"projection\": [\"fromBody\"]}");

        JsonNode body = MAPPER.readTree(request.body());
        assertEquals("from body", body.path("expression").asText());
        assertEquals("fromHeader", body.path("projection").get(0).asText());
    }

    @Test
    void anArrayBodyIsSentAsItIs() {
        EnosRequest request = create("connection", "batchCreateDevice", null, "[{\"productKey\":\"pk\"}]");

        assertEquals("[{\"productKey\":\"pk\"}]", request.body());
    }

    @Test
    void pathParametersComeFromOptionsOrHeaders() {
        configuration.setPolicyId("p 1");
        assertEquals("/tsdb-policy/v2.0/policies/p%201", create("tsdb-policy", "getStoragePolicy", null).path());

        message.setHeader(EnosConstants.POLICY_ID, "p2");
        assertEquals("/tsdb-policy/v2.0/policies/p2", create("tsdb-policy", "getStoragePolicy", null).path());
    }

    private EnosRequest create(String service, String operation, PageCursor cursor) {
        return create(service, operation, cursor, null);
    }

    private EnosRequest create(String service, String operation, PageCursor cursor, String body) {
        EnosOperation op = EnosCatalog.defaultCatalog().find(service, operation).orElseThrow();
        EnosRequestFactory factory = new EnosRequestFactory(MAPPER, op, configuration);
        message.setBody(body);
        try {
            return factory.create(message, factory.messageBody(message), cursor);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
