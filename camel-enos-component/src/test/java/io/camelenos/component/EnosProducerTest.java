package io.camelenos.component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnosProducerTest extends EnosTestSupport {

    private static final String GET_THING = "enos:api/call?service=test-service&version=v2.1&path=things"
                                            + "&method=GET&action=get";

    /** A POJO for outputType. */
    public static class Thing {
        public String assetId;
        public String name;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:allDevices")
                        .to("enos:connection/searchDevice?fetchAll=true&pageSize=5")
                        .split(body()).streaming()
                        .to("mock:device");
            }
        };
    }

    @Test
    void getPutsDataInTheBodyAndTheRequestIdInAHeader() {
        Exchange out = template.request(GET_THING + "&assetId=a1", e -> { });

        JsonNode body = out.getMessage().getBody(JsonNode.class);
        assertEquals("a1", body.path("assetId").asText());
        assertNotNull(out.getMessage().getHeader(EnosConstants.REQUEST_ID));
        assertEquals(0, out.getMessage().getHeader(EnosConstants.CODE));
        assertEquals("orgId=" + sim.orgId() + "&action=get&assetId=a1", requestsTo(THINGS).get(0).query());
    }

    @Test
    void headerOverridesOption() {
        JsonNode body = template.requestBodyAndHeader(GET_THING + "&assetId=fromOption", null,
                EnosConstants.ASSET_ID, "fromHeader", JsonNode.class);

        assertEquals("fromHeader", body.path("assetId").asText());
    }

    @Test
    void queryPrefixedOptionsAreSentAsQueryParameters() {
        JsonNode body = template.requestBody(GET_THING + "&assetId=a1&query.extra=hello world", null,
                JsonNode.class);

        assertEquals("hello world", body.path("extra").asText());
    }

    @Test
    void nonZeroCodeBecomesEnosApiException() {
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(GET_THING + "&assetId=missing", (Object) null));

        EnosApiException error = assertInstanceOf(EnosApiException.class, thrown.getCause());
        assertEquals(99404, error.getCode());
        assertEquals(200, error.getHttpStatus());
        assertEquals("api", error.getService());
        assertEquals("call", error.getOperation());
        assertTrue(error.getMessage().endsWith("code: 99404; requestId: " + error.getRequestId()), error.getMessage());
        assertNotNull(error.getRequestId());
        assertFalse(error.getMessage().contains(sim.appSecret()));
        assertEquals(1, requestsTo(THINGS).size(), "a client error is never retried");
    }

    @Test
    void outputTypeMapGivesAMap() {
        Object body = template.requestBody(GET_THING + "&assetId=a2&outputType=java.util.Map", (Object) null);

        assertEquals("Thing a2", assertInstanceOf(Map.class, body).get("name"));
    }

    @Test
    void outputTypePojoBindsTheData() {
        Object body = template.requestBody(GET_THING + "&assetId=a3&outputType=" + Thing.class.getName(), (Object) null);

        assertEquals("Thing a3", assertInstanceOf(Thing.class, body).name);
    }

    @Test
    void outputTypeStringGivesJsonText() {
        String body = template.requestBody(GET_THING + "&assetId=a4&outputType=java.lang.String", null,
                String.class);

        assertEquals("a4", MAPPER.valueToTree(parse(body)).path("assetId").asText());
    }

    @Test
    void messageBodyIsSentAndOptionsFillOnlyMissingFields() {
        String echo = "enos:api/call?service=test-service&version=v2.1&path=things&action=echo";
        JsonNode body = template.requestBody(echo, Map.of("name", "x", "count", 2), JsonNode.class);

        assertEquals("x", body.path("name").asText());
        assertEquals(2, body.path("count").asInt());
    }

    @Test
    void searchReturnsOnePageWithPaginationHeaders() {
        Exchange out = template.request("enos:connection/searchDevice?pageSize=10&pageNo=3", e -> { });

        JsonNode page = out.getMessage().getBody(JsonNode.class);
        assertEquals(10, page.size());
        assertEquals(allDevicesInOnePage().get(20).path("assetId").asText(), page.get(0).path("assetId").asText());
        assertEquals(3, out.getMessage().getHeader(EnosConstants.PAGE_NO));
        assertEquals(10, out.getMessage().getHeader(EnosConstants.PAGE_SIZE));
        assertEquals((long) DEVICE_COUNT, out.getMessage().getHeader(EnosConstants.TOTAL_SIZE));
    }

    @Test
    void searchFollowsEveryPage() throws Exception {
        MockEndpoint devices = getMockEndpoint("mock:device");
        devices.expectedMessageCount(DEVICE_COUNT);

        template.sendBody("direct:allDevices", null);

        devices.assertIsSatisfied();
        assertEquals(10, requestsTo(DEVICES).size(), "48 records in pages of 5");
        assertEquals(allDevicesInOnePage().get(DEVICE_COUNT - 1).path("assetId").asText(),
                devices.getExchanges().get(DEVICE_COUNT - 1).getMessage().getBody(JsonNode.class).path("assetId").asText());
    }

    /** The emulator's device order, read as one page of 200 (its maximum): the oracle for the paged reads. */
    private JsonNode allDevicesInOnePage() {
        JsonNode all = template.requestBody("enos:connection/searchDevice?pageSize=200", null, JsonNode.class);
        assertEquals(DEVICE_COUNT, all.size());
        return all;
    }

    @Test
    void fetchAllWithOnePageAtATimeFetchesTheNextPageOnlyWhenAsked() {
        Iterator<?> records = template.requestBody(
                "enos:connection/searchDevice?fetchAll=true&pageSize=10&parallelPages=1", null, Iterator.class);
        assertEquals(1, requestsTo(DEVICES).size(), "the first page is fetched at once");

        List<Object> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add(records.next());
        }
        assertEquals(1, requestsTo(DEVICES).size(), "ten records come from the first page");

        records.next();
        assertEquals(2, requestsTo(DEVICES).size());
        assertEquals(10, first.size());
    }

    @Test
    void fetchAllRequestsAtMostParallelPagesAheadAndDeliversThemInPageOrder() throws Exception {
        List<String> expected = new ArrayList<>();
        allDevicesInOnePage().forEach(device -> expected.add(device.path("assetId").asText()));
        int before = requestsTo(DEVICES).size();

        Iterator<?> records = template.requestBody(
                "enos:connection/searchDevice?fetchAll=true&pageSize=5&parallelPages=3", null, Iterator.class);
        Thread.sleep(300); // time for any request that would leave too early
        int ahead = requestsTo(DEVICES).size() - before;
        List<String> received = new ArrayList<>();
        records.forEachRemaining(record -> received.add(((JsonNode) record).path("assetId").asText()));

        assertEquals(1 + 3, ahead, "the first page, then three in flight while nobody reads");
        assertEquals(expected, received);
        assertEquals(10, requestsTo(DEVICES).size() - before, "48 records in pages of 5, each page asked once");
    }

    private static Object parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
