package io.camelenos.simulator.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

/**
 * Prediction (ML) service: {@code POST /ml-service/v1.0/forecasts?action=run&serviceId=} runs a deployed model over
 * {@code parameters {ColumnNames, Values}}. Every serviceId stands for the same deterministic model, a logistic
 * regression with fixed weights: score = Σ x<sub>i</sub>·w<sub>i</sub> with w<sub>i</sub> = (1 + i mod 5) / 10 over
 * the numeric cells of a row (other cells count 0), probability = 1 / (1 + e<sup>-score</sup>), label "positive"
 * when the probability is at least 0.5, else "negative". Status envelope.
 */
public final class MlService implements SimService {

    static final String PATH = "/ml-service/v1.0/forecasts";

    @Override
    public void register(Router router, SimContext context) {
        router.path(PATH, Envelope.STATUS).action("run", "POST", this::run);
    }

    // POST /ml-service/v1.0/forecasts?action=run&serviceId=
    private Object run(SimRequest request) {
        request.requireQuery("serviceId");
        JsonNode parameters = request.jsonObject().get("parameters");
        if (parameters == null || parameters.isNull()) {
            throw ApiError.missing("parameters");
        }
        if (parameters.isTextual()) {
            try {
                parameters = Json.MAPPER.readTree(parameters.asText());
            } catch (JsonProcessingException e) {
                throw ApiError.invalidArgument("parameters", "not JSON: " + e.getOriginalMessage());
            }
        }
        JsonNode columns = parameters.get("ColumnNames");
        JsonNode values = parameters.get("Values");
        if (columns == null || !columns.isArray() || columns.isEmpty()) {
            throw ApiError.invalidArgument("parameters", "ColumnNames must be a non-empty array");
        }
        if (values == null || !values.isArray()) {
            throw ApiError.invalidArgument("parameters", "Values must be an array of rows");
        }
        ObjectNode data = Json.object();
        data.putArray("ColumnNames").add("Scored Labels").add("Scored Probabilities");
        data.putArray("ColumnTypes").add("String").add("Numeric");
        ArrayNode out = data.putArray("Values");
        int row = 0;
        for (JsonNode cells : values) {
            if (!cells.isArray() || cells.size() != columns.size()) {
                throw ApiError.invalidArgument("parameters", "row " + row + " of Values must have "
                        + columns.size() + " values, one per column");
            }
            double probability = probability(cells);
            out.addArray().add(probability >= 0.5 ? "positive" : "negative")
                    .add(Double.toString(Math.round(probability * 10_000) / 10_000.0));
            row++;
        }
        return data;
    }

    /** The model: logistic of the weighted sum of the row's numeric cells. */
    static double probability(JsonNode cells) {
        double score = 0;
        for (int i = 0; i < cells.size(); i++) {
            score += number(cells.get(i)) * (1 + i % 5) / 10.0;
        }
        return 1 / (1 + Math.exp(-score));
    }

    private static double number(JsonNode cell) {
        if (cell.isNumber()) {
            return cell.asDouble();
        }
        try {
            return Double.parseDouble(cell.asText().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
