package io.camelenos.component;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.data.PointDef;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator's TSDB data service, through enos:tsdb/read and the v2.0 twin. */
class EnosTsdbServiceTest extends EnosTestSupport {

    private String assetId;
    private PointDef point;

    @BeforeEach
    void fixTheClock() {
        sim.clock().fixAt(Instant.parse("2024-02-01T00:00:00Z")); // reads are deterministic
        assetId = sim.dataSet().assetId(1);
        point = sim.dataSet().modelOf(1).points().stream().filter(p -> p.signalType().equals("AI")).findFirst()
                .orElseThrow();
    }

    @Test
    void readReturnsTheRawItemsOfTheRange() {
        String uri = "enos:tsdb/read?assetIds=" + assetId + "&pointIds=" + point.id()
                     + "&startTime=2024-01-10T00:00:00Z&endTime=2024-01-10T01:00:00Z&pageSize=1000";

        JsonNode data = template.requestBody(uri, (Object) null, JsonNode.class);

        JsonNode items = data.path("items");
        assertEquals(3600 / point.intervalSeconds() + 1, items.size(), "both ends inclusive");
        assertEquals(assetId, items.get(0).path("assetId").asText());
        assertTrue(items.get(0).has(point.id()));
    }

    @Test
    void readV20AnswersTheSameItemsInTheStatusEnvelope() {
        Map<String, Object> headers = Map.of(EnosConstants.ASSET_IDS, assetId, EnosConstants.POINT_IDS, point.id(),
                EnosConstants.START_TIME, "2024-01-10T00:00:00Z", EnosConstants.END_TIME, "2024-01-10T00:30:00Z");

        JsonNode v20 = template.requestBodyAndHeaders("enos:tsdb/rawV20", null, headers, JsonNode.class);
        JsonNode v21 = template.requestBodyAndHeaders("enos:tsdb/raw", null, headers, JsonNode.class);

        assertEquals(v21.path("items"), v20.path("items"));
        assertTrue(v20.path("items").size() > 0);
    }

    @Test
    void tooManyPairsFailWith80400AndAreNotRetried() {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < 3001; i++) {
            points.append(i == 0 ? "" : ",").append("p").append(i);
        }
        String uri = "enos:tsdb/read?assetIds=" + assetId + "&startTime=2024-01-10T00:00:00Z"
                     + "&endTime=2024-01-10T01:00:00Z";

        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(uri, null, EnosConstants.POINT_IDS, points.toString()));

        EnosApiException error = assertInstanceOf(EnosApiException.class, thrown.getCause());
        assertEquals(80400, error.getCode());
        assertTrue(error.getMessage().contains("3000"), error.getMessage());
        assertEquals(1, requestsTo("/tsdb-service/v2.1/raw").size());
    }
}
