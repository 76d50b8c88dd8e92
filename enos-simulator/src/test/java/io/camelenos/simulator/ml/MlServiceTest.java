package io.camelenos.simulator.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MlServiceTest {

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(10));

    private SimClient.Answer run(Map<String, String> query, Object body) {
        return new SimClient(enos.simulator()).post(MlService.PATH, query, body);
    }

    private static ObjectNode parameters(String... rows) {
        ObjectNode body = Json.object();
        ObjectNode p = body.putObject("parameters");
        p.putArray("ColumnNames").add("windSpeed").add("hour").add("site");
        for (String row : rows) {
            String[] cells = row.split(",");
            p.withArray("Values").addArray().add(cells[0]).add(cells[1]).add(cells[2]);
        }
        return body;
    }

    @Test
    void runScoresEachRowWithTheLinearModel() {
        SimClient.Answer answer = run(Map.of("action", "run", "serviceId", "f40fbb09"), parameters("10,2,S1", "-20,0,S2"));

        assertEquals(0, answer.body().get("status").asInt(), answer.body().toString());
        JsonNode data = answer.data();
        assertEquals("Scored Labels", data.get("ColumnNames").get(0).asText());
        assertEquals("Numeric", data.get("ColumnTypes").get(1).asText());
        // 10 * 0.1 + 2 * 0.2 = 1.4 -> 1 / (1 + e^-1.4) = 0.8022
        assertEquals("positive", data.get("Values").get(0).get(0).asText());
        assertEquals(0.8022, data.get("Values").get(0).get(1).asDouble(), 1e-9);
        // -20 * 0.1 = -2 -> 0.1192
        assertEquals("negative", data.get("Values").get(1).get(0).asText());
        assertEquals(0.1192, data.get("Values").get(1).get(1).asDouble(), 1e-9);
    }

    @Test
    void parametersMayComeAsAJsonText() {
        ObjectNode body = Json.object().put("parameters", parameters("0,0,x").get("parameters").toString());

        JsonNode data = run(Map.of("action", "run", "serviceId", "s"), body).data();

        assertEquals(0.5, data.get("Values").get(0).get(1).asDouble(), 1e-9);
    }

    @Test
    void missingServiceIdOrParametersFailsWith99400() {
        assertEquals(99400, run(Map.of("action", "run"), parameters("1,2,3")).code());
        assertEquals(99400, run(Map.of("action", "run", "serviceId", "s"), Json.object()).code());
    }

    @Test
    void rowsOfTheWrongWidthFailWith99400() {
        ObjectNode body = parameters("1,2,3");
        body.with("parameters").withArray("Values").addArray().add(1);

        SimClient.Answer answer = run(Map.of("action", "run", "serviceId", "s"), body);

        assertEquals(99400, answer.code());
        assertEquals(true, answer.body().get("msg").asText().contains("row 1"));
    }
}
