package io.camelenos.simulator.tsdbpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.wire.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The org's TSDB storage policies: one per storage type (AI raw, AI normalized, DI, electric power, generic), each
 * holding model points. Its methods, and readers of a {@link Policy}, lock on this object. Initially every point of every thing model sits in the policies of its signal type
 * (AI: AI_RAW and AI_NORMALIZED, DI: DI, PI: PI); saving a policy replaces the points of the models it names.
 */
final class StoragePolicies {

    /** One storage policy. {@code storageType} is the label the point metadata API reports. */
    static final class Policy {
        final String policyId;
        final String policyName;
        final String policyType;
        final String storageType;
        final String signalType;
        String retention;
        /** modelId → pointId → the point's v2.1 settings (sdt, db), or an empty object. */
        final Map<String, Map<String, ObjectNode>> models = new LinkedHashMap<>();

        Policy(long seed, String policyName, String policyType, String storageType, String signalType,
               String retention) {
            this.policyId = UUID.nameUUIDFromBytes((seed + "/" + storageType).getBytes(StandardCharsets.UTF_8))
                    .toString();
            this.policyName = policyName;
            this.policyType = policyType;
            this.storageType = storageType;
            this.signalType = signalType;
            this.retention = retention;
        }

        /** Whether a point of this signal type may be stored under this policy (generic takes any). */
        boolean accepts(PointDef point) {
            return signalType == null || signalType.equals(point.signalType());
        }

        ObjectNode toJson(boolean pointObjects) {
            ObjectNode node = Json.object();
            var list = node.putArray("models");
            models.forEach((modelId, points) -> {
                ObjectNode m = list.addObject().put("modelId", modelId);
                var array = m.putArray("points");
                points.forEach((pointId, settings) -> {
                    if (pointObjects) {
                        ObjectNode p = array.addObject().put("pointId", pointId);
                        p.setAll(settings);
                    } else {
                        array.add(pointId);
                    }
                });
            });
            node.put("policyId", policyId).put("policyName", policyName).put("policyType", policyType)
                    .put("retention", retention);
            return node;
        }
    }

    private final Map<String, Policy> byId = new LinkedHashMap<>();
    private final Policy unformatted;

    StoragePolicies(long seed) {
        List<Policy> all = List.of(
                new Policy(seed, "AI Raw Data", "RAW", "AI_RAW", "AI", "1Y"),
                new Policy(seed, "AI Normalized Data", "NORMALIZED", "AI_NORMALIZED", "AI", "6M"),
                new Policy(seed, "DI Data", "DI", "DI", "DI", "1Y"),
                new Policy(seed, "Electric Power Data", "ELECTRIC_POWER", "PI", "PI", "3Y"),
                new Policy(seed, "Generic Data", "GENERIC", "GENERIC", null, "6M"));
        for (Policy policy : all) {
            for (ThingModel model : ThingModels.ALL) {
                for (PointDef point : model.points()) {
                    if (policy.signalType != null && policy.accepts(point)) {
                        policy.models.computeIfAbsent(model.modelId(), k -> new LinkedHashMap<>())
                                .put(point.id(), Json.object());
                    }
                }
            }
            byId.put(policy.policyId, policy);
        }
        unformatted = new Policy(seed, "Unformatted Data", "UNFORMATTED", "UNFORMATTED", null, "1Y");
    }

    synchronized Policy get(String policyId) {
        return byId.get(policyId);
    }

    synchronized List<Policy> all() {
        return new ArrayList<>(byId.values());
    }

    Policy unformatted() {
        return unformatted;
    }

    /** The storage types a point is stored under, in policy order. */
    synchronized List<String> storageTypesOf(String modelId, String pointId) {
        List<String> result = new ArrayList<>();
        for (Policy policy : byId.values()) {
            Map<String, ObjectNode> points = policy.models.get(modelId);
            if (points != null && points.containsKey(pointId)) {
                result.add(policy.storageType);
            }
        }
        return result;
    }

    /** Replaces the points of one model in a policy (an empty list removes the model). */
    synchronized void save(Policy policy, String modelId, Map<String, ObjectNode> points, String retention) {
        if (points.isEmpty()) {
            policy.models.remove(modelId);
        } else {
            policy.models.put(modelId, points);
        }
        if (retention != null) {
            policy.retention = retention;
        }
    }

    static ObjectNode settingsOf(JsonNode point) {
        ObjectNode settings = Json.object();
        if (point.isObject()) {
            point.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("pointId")) {
                    settings.set(e.getKey(), e.getValue());
                }
            });
        }
        return settings;
    }
}
