package io.camelenos.simulator.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.data.AssetStore;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asset Service v2.1 (reference 4.1): get and update assets, and create, update and delete logical assets.
 * EnOS has no asset search here; assets are searched through the Asset Tree service.
 */
public final class AssetService implements SimService {

    static final String ASSETS = "/asset-service/v2.1/assets";
    static final String LOGICAL = "/asset-service/v2.1/logical-assets";
    /** Logical assets an org may create through the API before 17946 (EnOS sets a quota per OU; ours is fixed). */
    static final int LOGICAL_ASSET_QUOTA = 10_000;

    private AssetStore assets;
    private final AtomicInteger logicalCreated = new AtomicInteger();

    @Override
    public void register(Router router, SimContext context) {
        this.assets = context.dataSet().assets();
        router.path(ASSETS, Envelope.DM)
                .action("get", "GET", this::get)
                .action("update", "POST", this::update);
        router.path(LOGICAL, Envelope.DM)
                .action("create", "POST", this::createLogical)
                .action("update", "POST", this::updateLogical)
                .action("delete", "POST", this::deleteLogical);
    }

    // GET /asset-service/v2.1/assets?action=get&orgId=&assetId=
    private Object get(SimRequest request) {
        return withoutDeviceFields(find(request.requireQuery("assetId")));
    }

    // POST /asset-service/v2.1/assets?action=update&orgId=&isPatchUpdate= , body {asset: {...}}
    private Object update(SimRequest request) {
        JsonNode change = request.jsonObject().get("asset");
        if (change == null || !change.isObject()) {
            throw ApiError.missing("asset");
        }
        applyUpdate(request, (ObjectNode) change);
        return null;
    }

    // POST /asset-service/v2.1/logical-assets?action=create&orgId= , body {assetInstance: {...}}
    private Object createLogical(SimRequest request) {
        JsonNode instance = request.jsonObject().get("assetInstance");
        if (instance == null || !instance.isObject()) {
            throw ApiError.missing("assetInstance");
        }
        ThingModel model = requireModel(instance);
        requireText(instance, "timezone", "assetInstance.timezone");
        if (!instance.hasNonNull("name")) {
            throw ApiError.missing("assetInstance.name");
        }
        if (logicalCreated.incrementAndGet() > LOGICAL_ASSET_QUOTA) {
            logicalCreated.decrementAndGet();
            throw ApiError.of(17946, "The number of logical assets has reached the quota of " + LOGICAL_ASSET_QUOTA);
        }
        ObjectNode asset = Json.object().put("modelId", model.modelId()).put("modelIdPath", model.modelIdPath());
        asset.set("name", i18nOf(instance.get("name")));
        asset.put("description", instance.path("description").asText(""))
                .put("timezone", instance.get("timezone").asText())
                .put("label", "1").put("inValid", false);
        ObjectNode attributes = instance.has("attributes") ? (ObjectNode) instance.get("attributes").deepCopy() : Json.object();
        AssetValidation.checkAttributes(model, attributes, false);
        asset.set("attributes", attributes);
        asset.set("tags", instance.has("tags") ? instance.get("tags").deepCopy() : Json.object());
        AssetValidation.checkTags(asset.get("tags"));
        return assets.create(asset);
    }

    // POST /asset-service/v2.1/logical-assets?action=update&orgId=&isPatchUpdate= , body {assetUpdateVo: {...}}
    private Object updateLogical(SimRequest request) {
        JsonNode change = request.jsonObject().get("assetUpdateVo");
        if (change == null || !change.isObject()) {
            throw ApiError.missing("assetUpdateVo");
        }
        requireLogical(find(requireText(change, "assetId", "assetUpdateVo.assetId")));
        applyUpdate(request, (ObjectNode) change);
        return null;
    }

    // POST /asset-service/v2.1/logical-assets?action=delete&orgId= , body {assetId} (or assetId in the query)
    private Object deleteLogical(SimRequest request) {
        String assetId = request.requireParam("assetId");
        requireLogical(find(assetId));
        assets.delete(assetId);
        return null;
    }

    private void applyUpdate(SimRequest request, ObjectNode change) {
        String assetId = requireText(change, "assetId", "asset.assetId");
        ObjectNode asset = find(assetId);
        boolean patch = !"false".equalsIgnoreCase(request.query("isPatchUpdate"));
        ThingModel model = ThingModels.byId(asset.path("modelId").asText());
        if (change.has("attributes")) {
            if (!change.get("attributes").isObject()) {
                throw ApiError.invalidArgument("asset.attributes", "a JSON object is expected");
            }
            AssetValidation.checkAttributes(model, (ObjectNode) change.get("attributes"), patch);
        } else if (!patch) {
            throw ApiError.invalidArgument("asset.attributes", "attributes are required when isPatchUpdate is false");
        }
        if (change.has("tags")) {
            AssetValidation.checkTags(change.get("tags"));
        }
        asset.setAll(merge(asset, change, patch));
        assets.put(asset);
    }

    /** The fields an update sets: with patch, attributes merge key by key; tags always replace the whole map. */
    private static ObjectNode merge(ObjectNode asset, ObjectNode change, boolean patch) {
        ObjectNode result = Json.object();
        if (change.has("name")) {
            result.set("name", i18nOf(change.get("name")));
        }
        if (change.has("description")) {
            result.put("description", change.get("description").asText());
        } else if (!patch) {
            result.put("description", "");
        }
        if (change.has("timezone")) {
            result.put("timezone", change.get("timezone").asText());
        }
        if (change.has("attributes")) {
            ObjectNode attributes = patch ? ((ObjectNode) asset.get("attributes")).deepCopy() : Json.object();
            attributes.setAll((ObjectNode) change.get("attributes"));
            result.set("attributes", attributes);
        }
        if (change.has("tags")) {
            result.set("tags", change.get("tags").deepCopy());
        } else if (!patch) {
            result.set("tags", Json.object());
        }
        return result;
    }

    private ObjectNode find(String assetId) {
        return assets.get(assetId).orElseThrow(() -> ApiError.notFound("asset " + assetId + " does not exist"));
    }

    private static void requireLogical(ObjectNode asset) {
        if (!"1".equals(asset.path("label").asText())) {
            throw ApiError.invalidArgument("assetId", asset.path("assetId").asText() + " is a device, not a logical asset");
        }
    }

    private static ThingModel requireModel(JsonNode instance) {
        String modelId = requireText(instance, "modelId", "assetInstance.modelId");
        ThingModel model = ThingModels.byId(modelId);
        if (model == null) {
            throw ApiError.invalidArgument("assetInstance.modelId", "model " + modelId + " does not exist");
        }
        return model;
    }

    private static String requireText(JsonNode node, String field, String name) {
        String value = Json.text(node, field);
        if (value == null || value.isBlank()) {
            throw ApiError.missing(name);
        }
        return value;
    }

    /** A name given as a plain string or as a StringI18n; both are stored as StringI18n. */
    private static JsonNode i18nOf(JsonNode name) {
        if (name.isTextual()) {
            ObjectNode node = Json.object().put("defaultValue", name.asText());
            node.putObject("i18nValue");
            return node;
        }
        return name.deepCopy();
    }

    private static ObjectNode withoutDeviceFields(ObjectNode asset) {
        asset.remove("productKey");
        asset.remove("deviceKey");
        asset.remove("createTime");
        return asset;
    }
}
