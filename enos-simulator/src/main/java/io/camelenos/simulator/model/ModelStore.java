package io.camelenos.simulator.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.data.ThingModels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The org's thing models as the Model service shows them: the data set's {@link ThingModels} as JSON, changed by
 * updates. Shared through {@link SimContext#shared} so other services can read the current definitions.
 */
public final class ModelStore {

    private final Map<String, ObjectNode> models = new LinkedHashMap<>();

    public ModelStore(SimContext context) {
        for (ThingModel model : ThingModels.ALL) {
            models.put(model.modelId(), model.toJson(context.orgId()));
        }
    }

    public static ModelStore of(SimContext context) {
        return context.shared(ModelStore.class, ModelStore::new);
    }

    /** A copy of a model's current JSON. */
    public synchronized Optional<ObjectNode> get(String modelId) {
        ObjectNode model = models.get(modelId);
        return model == null ? Optional.empty() : Optional.of(model.deepCopy());
    }

    /** Copies of every model, in definition order. */
    public synchronized List<ObjectNode> all() {
        List<ObjectNode> result = new ArrayList<>(models.size());
        models.values().forEach(m -> result.add(m.deepCopy()));
        return result;
    }

    synchronized void put(ObjectNode model) {
        models.put(model.path("modelId").asText(), model);
    }
}
