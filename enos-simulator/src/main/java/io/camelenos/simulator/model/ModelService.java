package io.camelenos.simulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.query.Expression;
import io.camelenos.simulator.query.Paging;
import io.camelenos.simulator.query.Projection;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Model Service v2.1 (reference 4.3): search, get and update thing models. Every model of the data set belongs to
 * the org itself (there are no public models), so {@code scope} 0 and 1 answer the same.
 */
public final class ModelService implements SimService {

    static final String MODELS = "/model-service/v2.1/thing-models";
    /** The overview's general default; the doc gives no maximum for this API, so the asset-tree one is used. */
    static final int DEFAULT_PAGE = 10;
    static final int MAX_PAGE = 1000;
    /** Element maps of a model that a patch update merges key by key. */
    private static final Set<String> ELEMENT_MAPS = Set.of("attributes", "measurepoints", "services", "events");
    /** Fields an update may not change. */
    private static final Set<String> FIXED = Set.of("modelId", "modelIdPath", "orgId");

    private ModelStore models;

    @Override
    public void register(Router router, SimContext context) {
        this.models = ModelStore.of(context);
        router.path(MODELS, Envelope.DM)
                .action("search", "POST", this::search)
                .action("get", "GET", this::get)
                .action("update", "POST", this::update);
    }

    // POST /model-service/v2.1/thing-models?action=search&orgId=&scope= , body {expression, pagination, projection}
    private Object search(SimRequest request) {
        checkScope(request);
        JsonNode body = request.jsonObject();
        Paging paging = Paging.from(body, DEFAULT_PAGE, MAX_PAGE, false);
        Projection projection = Projection.from(body);
        String expression = request.query("expression") != null ? request.query("expression")
                : Json.text(body, "expression");
        Predicate<JsonNode> filter = Expression.parse(expression, Set.of("modelId", "tags.*"));
        Paging.Collector collector = paging.collector(filter, projection);
        models.all().forEach(collector);
        return collector.reply();
    }

    // GET /model-service/v2.1/thing-models?action=get&orgId=&modelId=&scope=
    private Object get(SimRequest request) {
        checkScope(request);
        String modelId = request.requireQuery("modelId");
        return models.get(modelId).orElseThrow(() -> unknown(modelId));
    }

    // POST /model-service/v2.1/thing-models?action=update&orgId=&isPatchUpdate= , body: the model (modelId M)
    private Object update(SimRequest request) {
        ObjectNode body = request.jsonObject();
        ObjectNode change = body.has("thingModel") && body.get("thingModel").isObject()
                ? (ObjectNode) body.get("thingModel") : body;
        String modelId = Json.text(change, "modelId");
        if (modelId == null || modelId.isBlank()) {
            throw ApiError.missing("modelId");
        }
        boolean patch = !"false".equalsIgnoreCase(request.query("isPatchUpdate"));
        synchronized (models) {
            ObjectNode current = models.get(modelId).orElseThrow(() -> unknown(modelId));
            checkShape(change);
            models.put(patch ? patched(current, change) : replaced(current, change));
        }
        return null;
    }

    private static void checkShape(ObjectNode change) {
        for (String map : ELEMENT_MAPS) {
            JsonNode value = change.get(map);
            if (value != null && !value.isNull() && !value.isObject()) {
                throw ApiError.invalidArgument(map, "a map of identifier to definition is expected");
            }
        }
        JsonNode tags = change.get("tags");
        if (tags != null && !tags.isNull() && !tags.isObject()) {
            throw ApiError.invalidArgument("tags", "a JSON object is expected");
        }
    }

    /** Patch: given fields replace, element maps merge by identifier (tags replace, as everywhere in EnOS). */
    private static ObjectNode patched(ObjectNode current, ObjectNode change) {
        ObjectNode result = current.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = change.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (FIXED.contains(key)) {
                continue;
            }
            JsonNode value = field.getValue();
            if (ELEMENT_MAPS.contains(key) && value.isObject()) {
                ObjectNode merged = result.has(key) && result.get(key).isObject()
                        ? (ObjectNode) result.get(key) : result.putObject(key);
                merged.setAll(((ObjectNode) value).deepCopy());
            } else {
                result.set(key, value.deepCopy());
            }
        }
        return result;
    }

    /** Replace: the model becomes what was sent; element maps not sent become empty. */
    private static ObjectNode replaced(ObjectNode current, ObjectNode change) {
        ObjectNode result = Json.object();
        FIXED.forEach(f -> result.set(f, current.get(f)));
        change.fields().forEachRemaining(e -> {
            if (!FIXED.contains(e.getKey())) {
                result.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        ELEMENT_MAPS.forEach(m -> {
            if (!result.hasNonNull(m)) {
                result.putObject(m);
            }
        });
        if (!result.has("tags")) {
            result.putObject("tags");
        }
        if (!result.has("name")) {
            result.set("name", current.get("name"));
        }
        return result;
    }

    private static void checkScope(SimRequest request) {
        String scope = request.query("scope");
        if (scope != null && !scope.equals("0") && !scope.equals("1")) {
            throw ApiError.invalidArgument("scope", "0 or 1 expected, was " + scope);
        }
    }

    private static ApiError unknown(String modelId) {
        return ApiError.notFound("modelId " + modelId + " does not exist");
    }
}
