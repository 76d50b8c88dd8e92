package io.camelenos.simulator.tsdbpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.CommaSeparated;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * TSDB Policy Service (reference 4.7): point storage metadata per model, and get/save of storage policies, v2.0
 * and v2.1, plus v2.1's unformatted-data policy. Errors use the TSDB codes 80400 (invalid) and 80401 (org).
 */
public final class TsdbPolicyService implements SimService {

    static final String V20 = "/tsdb-policy/v2.0/policies";
    static final String V21 = "/tsdb-policy/v2.1/policies";
    private static final Pattern RETENTION = Pattern.compile("\\d{1,4}[DMYdmy]");
    private static final int MAX_PAIRS = 3000;

    private StoragePolicies policies;
    private String orgId;

    @Override
    public void register(Router router, SimContext context) {
        this.policies = context.shared(StoragePolicies.class, c -> new StoragePolicies(c.dataSet().seed()));
        this.orgId = context.orgId();
        router.path(V20, Envelope.STATUS).orgRequired(false).method("GET", this::metadata);
        router.path(V21, Envelope.TSDB).method("GET", this::metadata);
        for (String base : List.of(V20, V21)) {
            boolean v21 = base.equals(V21);
            router.path(base + "/{policyId}", Envelope.TSDB)
                    .method("GET", request -> {
                        synchronized (policies) {
                            return policy(request).toJson(v21);
                        }
                    })
                    .method("POST", request -> save(request, v21));
        }
        router.path(V21 + "/unformatted/detail", Envelope.TSDB)
                .method("GET", request -> {
                    synchronized (policies) {
                        return policies.unformatted().toJson(true).without(List.of("models"));
                    }
                });
        router.path(V21 + "/unformatted/update", Envelope.TSDB)
                .method("POST", this::updateUnformatted).method("PUT", this::updateUnformatted);
    }

    private static ApiError invalid(String field, String detail) {
        return ApiError.of(80400, "Invalid Argument " + field + ": " + detail);
    }

    // GET /tsdb-policy/v2.0/policies?orgId=&modelIds=&measurepoints=
    private Object metadata(SimRequest request) {
        String org = request.query("orgId");
        if (org == null || org.isBlank()) {
            throw invalid("orgId", "orgId is missing");
        }
        if (!org.equals(orgId)) {
            throw ApiError.of(80401, "Denied resource: orgId " + org);
        }
        List<String> modelIds = list(request.query("modelIds"));
        if (modelIds.isEmpty()) {
            throw invalid("modelIds", "modelIds is missing");
        }
        List<String> pointIds = list(request.query("measurepoints"));
        if ((long) modelIds.size() * Math.max(1, pointIds.size()) > MAX_PAIRS) {
            throw invalid("measurepoints", "models x points exceeds the limit of " + MAX_PAIRS);
        }
        ArrayNode data = Json.array();
        for (String modelId : modelIds) {
            ThingModel model = model(modelId);
            ObjectNode item = data.addObject();
            ObjectNode metadata = item.putObject("tsdb_metadata");
            for (PointDef point : model.points()) {
                if (!pointIds.isEmpty() && !pointIds.contains(point.id())) {
                    continue;
                }
                List<String> types = policies.storageTypesOf(modelId, point.id());
                if (!types.isEmpty()) {
                    ArrayNode array = metadata.putArray(point.id());
                    types.forEach(array::add);
                }
            }
            item.put("modelId", modelId);
        }
        return data;
    }

    private static ThingModel model(String modelId) {
        ThingModel model = ThingModels.byId(modelId);
        if (model == null) {
            throw invalid("modelId", "model " + modelId + " does not exist");
        }
        return model;
    }

    private StoragePolicies.Policy policy(SimRequest request) {
        String policyId = request.pathParam("policyId");
        StoragePolicies.Policy policy = policies.get(policyId);
        if (policy == null) {
            throw invalid("policyId", "storage policy " + policyId + " does not exist");
        }
        return policy;
    }

    // POST /tsdb-policy/{v2.0|v2.1}/policies/{policyId}?orgId= , body {models: [{modelId, points}], retention}
    private Object save(SimRequest request, boolean v21) {
        StoragePolicies.Policy policy = policy(request);
        ObjectNode body = request.jsonObject();
        JsonNode models = body.get("models");
        if (models == null || !models.isArray()) {
            throw invalid("models", "models is missing");
        }
        String retention = body.hasNonNull("retention") && !body.get("retention").asText().isBlank()
                ? body.get("retention").asText().trim() : null;
        if (retention != null && !RETENTION.matcher(retention).matches()) {
            throw invalid("retention", "retention is a number and a unit D, M or Y (e.g. 6M), was " + retention);
        }
        Map<String, Map<String, ObjectNode>> changes = new LinkedHashMap<>();
        for (JsonNode entry : models) {
            String modelId = entry.path("modelId").asText("");
            if (modelId.isBlank()) {
                throw invalid("models.modelId", "modelId is missing");
            }
            ThingModel model = model(modelId);
            JsonNode points = entry.get("points");
            if (points == null || !points.isArray()) {
                throw invalid("models.points", "points of model " + modelId + " are missing");
            }
            Map<String, ObjectNode> kept = new LinkedHashMap<>();
            for (JsonNode p : points) {
                String pointId = p.isObject() ? p.path("pointId").asText("") : p.asText("");
                PointDef point = model.point(pointId);
                if (point == null) {
                    throw invalid("models.points", "point " + pointId + " is not a measure point of model " + modelId);
                }
                if (!policy.accepts(point)) {
                    throw invalid("models.points", "point " + pointId + " is a " + point.signalType()
                            + " point; policy " + policy.policyName + " stores " + policy.signalType + " points");
                }
                kept.put(pointId, v21 ? StoragePolicies.settingsOf(p) : Json.object());
            }
            changes.put(modelId, kept);
        }
        changes.forEach((modelId, points) -> policies.save(policy, modelId, points, retention));
        if (changes.isEmpty() && retention != null) {
            policies.save(policy, "", Map.of(), retention);
        }
        return null;
    }

    // POST /tsdb-policy/v2.1/policies/unformatted/update?orgId= , body {retention}
    private Object updateUnformatted(SimRequest request) {
        ObjectNode body = request.jsonObject();
        String retention = body.path("retention").asText("").trim();
        if (retention.isEmpty()) {
            throw invalid("retention", "retention is missing");
        }
        if (!RETENTION.matcher(retention).matches()) {
            throw invalid("retention", "retention is a number and a unit D, M or Y (e.g. 6M), was " + retention);
        }
        synchronized (policies) {
            policies.unformatted().retention = retention;
        }
        return null;
    }

    private static List<String> list(String text) {
        return CommaSeparated.distinct(text);
    }
}
