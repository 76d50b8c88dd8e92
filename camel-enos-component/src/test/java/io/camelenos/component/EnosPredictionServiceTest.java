package io.camelenos.component;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The prediction (ML) service of the emulator through enos:prediction/machineLearningForecast. */
class EnosPredictionServiceTest extends EnosServiceTestSupport {

    private static final List<String> COLUMNS = List.of("a", "b", "c", "d", "e", "f");
    private static final List<List<Object>> ROWS = List.of(
            List.of(1.5, 2, "3", "not a number", 4, -2),
            List.of(-10, 0, 0, 0, 0, 0),
            List.of(0, 0, 0, 0, 0, 0));

    @Test
    void forecastAnswersTheDocumentedModelForEveryRow() {
        Map<String, Object> body = Map.of("parameters", Map.of("ColumnNames", COLUMNS, "Values", ROWS));

        JsonNode output = json("prediction", "machineLearningForecast", "serviceId=svc-1", body);

        assertEquals("[\"Scored Labels\",\"Scored Probabilities\"]", output.get("ColumnNames").toString());
        assertEquals(ROWS.size(), output.get("Values").size());
        for (int r = 0; r < ROWS.size(); r++) {
            double probability = probability(ROWS.get(r));
            JsonNode scored = output.get("Values").get(r);
            assertEquals(probability >= 0.5 ? "positive" : "negative", scored.get(0).asText(), "row " + r);
            assertEquals(Math.round(probability * 10_000) / 10_000.0, Double.parseDouble(scored.get(1).asText()),
                    1e-9, "row " + r);
        }
        assertEveryOperationCalled("prediction", name -> true);
    }

    @Test
    void forecastAliasAndParametersAsJsonTextGiveTheSameAnswer() {
        String parameters = "{\"ColumnNames\":[\"x\"],\"Values\":[[2]]}";

        JsonNode output = json("prediction", "forecast", "serviceId=svc-1", Map.of("parameters", parameters));

        // one column: score = 2 * 0.1
        assertEquals(Math.round(10_000 / (1 + Math.exp(-0.2))) / 10_000.0,
                output.get("Values").get(0).get(1).asDouble(), 1e-9);
    }

    @Test
    void aRowOfTheWrongWidthFailsWith99400() {
        Map<String, Object> body = Map.of("parameters", Map.of("ColumnNames", COLUMNS, "Values", List.of(List.of(1))));

        EnosApiException error = failure("prediction", "machineLearningForecast", "serviceId=svc-1", body);

        assertEquals(99400, error.getCode());
        assertTrue(error.getMsg().contains("parameters"), error.getMsg());
    }

    @Test
    void aMissingServiceIdFailsWith99400() {
        Map<String, Object> body = Map.of("parameters", Map.of("ColumnNames", COLUMNS, "Values", ROWS));

        assertEquals(99400, failure("prediction", "forecast", "", body).getCode());
    }

    /** The emulator's documented model: logistic of Σ xᵢ·(1 + i mod 5)/10 over the numeric cells. */
    private static double probability(List<Object> row) {
        double score = 0;
        for (int i = 0; i < row.size(); i++) {
            score += number(row.get(i)) * (1 + i % 5) / 10.0;
        }
        return 1 / (1 + Math.exp(-score));
    }

    private static double number(Object cell) {
        try {
            return Double.parseDouble(String.valueOf(cell));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
