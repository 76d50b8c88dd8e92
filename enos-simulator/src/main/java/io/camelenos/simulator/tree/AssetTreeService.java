package io.camelenos.simulator.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimClock;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.data.AssetStore;
import io.camelenos.simulator.data.ThingModel;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.query.Expression;
import io.camelenos.simulator.query.Paging;
import io.camelenos.simulator.query.Projection;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

import java.util.function.Predicate;

/**
 * Asset Tree Service v2.1 (reference 4.2): trees ({@code asset-trees}), nodes ({@code asset-nodes}) with the
 * asset search, and paths ({@code asset-paths}). The trees live in the shared {@link AssetTrees}.
 */
public final class AssetTreeService implements SimService {

    static final String TREES = "/asset-tree-service/v2.1/asset-trees";
    static final String NODES = "/asset-tree-service/v2.1/asset-nodes";
    static final String PATHS = "/asset-tree-service/v2.1/asset-paths";

    private AssetStore assets;
    private SimClock clock;
    private AssetTrees trees;
    private AssetRefs refs;

    @Override
    public void register(Router router, SimContext context) {
        this.assets = context.dataSet().assets();
        this.clock = context.clock();
        this.trees = AssetTrees.of(context);
        this.refs = new AssetRefs(context.dataSet());
        AssetSearch search = new AssetSearch(context.dataSet(), trees);
        TreeQueries queries = new TreeQueries(trees, refs);
        router.path(TREES, Envelope.DM)
                .action("create", "POST", this::createTree)
                .action("associate", "POST", this::associateTree)
                .action("get", "GET", this::getTree)
                .action("search", "POST", this::searchTrees)
                .action("update", "POST", this::updateTree)
                .action("delete", "POST", this::deleteTree);
        router.path(NODES, Envelope.DM)
                .action("createAsset", "POST", this::createAsset)
                .action("associateAsset", "POST", this::associateAsset)
                .action("associateAssetBatch", "POST", this::associateAssetBatch)
                .action("move", "POST", this::move)
                .action("delete", "POST", this::deleteNode)
                .action("getAssetTree", "POST", queries::assetTrees)
                .action("searchAsset", "POST", search::search)
                .action("searchAssetV2", "POST", search::search)
                .action("searchRelatedAsset", "POST", queries::related);
        router.path(PATHS, Envelope.DM)
                .action("search", "POST", queries::paths);
    }

    // POST /asset-tree-service/v2.1/asset-trees?action=create&orgId= , body {asset: {...}, tree: {name, tags}}
    // (tree optional, as documented: without it the tree takes its root asset's name; the SDK never sends it)
    private Object createTree(SimRequest request) {
        ObjectNode body = request.jsonObject();
        JsonNode tree = treeInfo(body);
        JsonNode asset = body.get("asset");
        if (asset == null || !asset.isObject()) {
            throw ApiError.missing("asset");
        }
        String rootId = assets.create(newAsset(asset, "asset").put("createTime", clock.nowMillis()));
        return createTree(rootId, tree);
    }

    // POST /asset-tree-service/v2.1/asset-trees?action=associate&orgId=&assetId= (or productKey+deviceKey),
    // body {tree} (optional, as for create)
    private Object associateTree(SimRequest request) {
        ObjectNode body = request.jsonObject();
        JsonNode tree = treeInfo(body);
        String rootId = refs.resolve(request.param("assetId"), request.param("productKey"),
                request.param("deviceKey"), "assetId");
        return createTree(rootId, tree);
    }

    private String createTree(String rootId, JsonNode tree) {
        JsonNode name = tree != null ? tree.get("name") : refs.treeAsset(rootId).get("name");
        return trees.createTree(rootId, name, tree != null ? tags(tree) : Json.object());
    }

    // GET /asset-tree-service/v2.1/asset-trees?action=get&orgId=&treeId=
    private Object getTree(SimRequest request) {
        String treeId = request.requireQuery("treeId");
        return treeJson(trees.require(treeId));
    }

    // POST /asset-tree-service/v2.1/asset-trees?action=search&orgId= , body {expression, pagination, projection}
    private Object searchTrees(SimRequest request) {
        JsonNode body = request.jsonObject();
        Paging paging = Paging.from(body, AssetSearch.DEFAULT_PAGE, AssetSearch.MAX_PAGE, false);
        Projection projection = Projection.from(body);
        Predicate<JsonNode> filter = Expression.parse(Json.text(body, "expression"), java.util.Set.of("tags.*"));
        JsonNode tagFilter = body.path("filter").path("tags");
        Paging.Collector collector = paging.collector(filter, projection);
        trees.forEachTree(tree -> {
            if (tagsMatch(tree.tags(), tagFilter)) {
                // only the tree's own fields decide; the root asset is fetched for trees that match
                ObjectNode info = Json.object().put("treeId", tree.treeId());
                info.set("tags", tree.tags());
                if (filter.test(info)) {
                    collector.accept(treeJson(tree));
                }
            }
        });
        return collector.reply();
    }

    private static boolean tagsMatch(JsonNode tags, JsonNode wanted) {
        if (!wanted.isObject()) {
            return true;
        }
        var fields = wanted.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!e.getValue().asText().equals(tags.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    // POST /asset-tree-service/v2.1/asset-trees?action=update&orgId= , body {treeUpdateInfo: {treeId, name, tags}}
    private Object updateTree(SimRequest request) {
        ObjectNode body = request.jsonObject();
        JsonNode info = body.has("treeUpdateInfo") ? body.get("treeUpdateInfo") : body.get("tree");
        if (info == null || !info.isObject()) {
            info = body;
        }
        String treeId = request.query("treeId") != null ? request.query("treeId") : Json.text(info, "treeId");
        if (treeId == null || treeId.isBlank()) {
            throw ApiError.missing("treeId");
        }
        if (info.has("tags") && !info.get("tags").isObject() && !info.get("tags").isNull()) {
            throw ApiError.invalidArgument("tags", "a JSON object is expected");
        }
        trees.updateTree(treeId, info.get("name"), info.get("tags"));
        return null;
    }

    // POST /asset-tree-service/v2.1/asset-trees?action=delete&orgId=&treeId=
    private Object deleteTree(SimRequest request) {
        trees.deleteTree(request.requireParam("treeId"));
        return null;
    }

    // POST /asset-tree-service/v2.1/asset-nodes?action=createAsset&orgId=&treeId=&parentAssetId= , body {asset}
    private Object createAsset(SimRequest request) {
        String treeId = request.requireParam("treeId");
        String parent = request.requireParam("parentAssetId");
        JsonNode asset = request.jsonObject().get("asset");
        if (asset == null || !asset.isObject()) {
            throw ApiError.missing("asset");
        }
        ObjectNode created = newAsset(asset, "asset").put("createTime", clock.nowMillis());
        if (!trees.exists(treeId)) {
            throw AssetTrees.unknownTree(treeId);
        }
        trees.checkAddable(treeId, parent, "");
        String assetId = assets.create(created);
        trees.addNode(treeId, parent, assetId);
        return assetId;
    }

    // POST /asset-tree-service/v2.1/asset-nodes?action=associateAsset&orgId=&treeId=&parentAssetId=&assetId=
    private Object associateAsset(SimRequest request) {
        String treeId = request.requireParam("treeId");
        String parent = request.requireParam("parentAssetId");
        if (!trees.exists(treeId)) {
            throw AssetTrees.unknownTree(treeId);
        }
        String assetId = refs.resolve(request.param("assetId"), request.param("productKey"),
                request.param("deviceKey"), "assetId");
        trees.addNode(treeId, parent, assetId);
        return null;
    }

    // POST .../asset-nodes?action=associateAssetBatch&orgId=&treeId=&parentAssetId= , body {assetIdentifiers: [...]}
    private Object associateAssetBatch(SimRequest request) {
        String treeId = request.requireParam("treeId");
        String parent = request.requireParam("parentAssetId");
        JsonNode identifiers = request.jsonObject().get("assetIdentifiers");
        if (identifiers == null || !identifiers.isArray() || identifiers.isEmpty()) {
            throw ApiError.missing("assetIdentifiers");
        }
        if (!trees.exists(treeId)) {
            throw AssetTrees.unknownTree(treeId);
        }
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (JsonNode identifier : identifiers) {
            String id = refs.resolve(identifier, "assetIdentifiers");
            if (ids.contains(id)) {
                throw ApiError.of(17558, "The asset " + id + " is given twice");
            }
            trees.checkAddable(treeId, parent, id);
            ids.add(id);
        }
        synchronized (trees) {
            ids.forEach(id -> trees.checkAddable(treeId, parent, id));
            ids.forEach(id -> trees.addNode(treeId, parent, id));
        }
        return null;
    }

    // POST .../asset-nodes?action=move&orgId=&treeId=&assetId=&parentAssetId=&preAssetId=
    private Object move(SimRequest request) {
        String treeId = request.requireParam("treeId");
        String parent = request.requireParam("parentAssetId");
        String assetId = refs.resolve(request.param("assetId"), request.param("productKey"),
                request.param("deviceKey"), "assetId");
        String pre = request.param("preAssetId");
        trees.moveNode(treeId, assetId, parent, pre == null || pre.isBlank() ? null : pre);
        return null;
    }

    // POST .../asset-nodes?action=delete&orgId=&treeId=&assetId= (or productKey+deviceKey)
    private Object deleteNode(SimRequest request) {
        String treeId = request.requireParam("treeId");
        if (!trees.exists(treeId)) {
            throw AssetTrees.unknownTree(treeId);
        }
        String assetId = refs.resolve(request.param("assetId"), request.param("productKey"),
                request.param("deviceKey"), "assetId");
        trees.removeNode(treeId, assetId);
        return null;
    }

    ObjectNode treeJson(AssetTrees.Tree tree) {
        ObjectNode node = Json.object().put("treeId", tree.treeId());
        node.set("name", tree.name());
        node.set("tags", tree.tags());
        node.set("asset", refs.treeAsset(tree.rootId()));
        return node;
    }

    /** The optional {@code tree} block; when given, its {@code name} is required. */
    private static JsonNode treeInfo(JsonNode body) {
        JsonNode tree = body.get("tree");
        if (tree == null || tree.isNull()) {
            return null;
        }
        if (!tree.isObject()) {
            throw ApiError.invalidArgument("tree", "a JSON object is expected");
        }
        JsonNode name = tree.get("name");
        if (name == null || name.isNull() || (name.isTextual() && name.asText().isBlank())
                || (name.isObject() && name.path("defaultValue").asText("").isBlank())) {
            throw ApiError.missing("tree.name");
        }
        if (tree.has("tags") && !tree.get("tags").isObject() && !tree.get("tags").isNull()) {
            throw ApiError.invalidArgument("tree.tags", "a JSON object is expected");
        }
        return tree;
    }

    private static JsonNode tags(JsonNode tree) {
        JsonNode tags = tree.get("tags");
        return tags == null || tags.isNull() ? Json.object() : tags;
    }

    /** A new logical asset from an {@code asset} block: modelId, name and timezone are mandatory. */
    static ObjectNode newAsset(JsonNode asset, String what) {
        String modelId = Json.text(asset, "modelId");
        if (modelId == null || modelId.isBlank()) {
            throw ApiError.missing(what + ".modelId");
        }
        ThingModel model = ThingModels.byId(modelId);
        if (model == null) {
            throw ApiError.invalidArgument(what + ".modelId", "model " + modelId + " does not exist");
        }
        JsonNode name = asset.get("name");
        if (name == null || name.isNull()) {
            throw ApiError.missing(what + ".name");
        }
        String timezone = Json.text(asset, "timezone");
        if (timezone == null || timezone.isBlank()) {
            throw ApiError.missing(what + ".timezone");
        }
        for (String map : new String[] {"attributes", "tags"}) {
            if (asset.has(map) && !asset.get(map).isObject() && !asset.get(map).isNull()) {
                throw ApiError.invalidArgument(what + "." + map, "a JSON object is expected");
            }
        }
        ObjectNode result = Json.object().put("modelId", model.modelId()).put("modelIdPath", model.modelIdPath());
        if (name.isObject()) {
            result.set("name", name.deepCopy());
        } else {
            ObjectNode i18n = result.putObject("name").put("defaultValue", name.asText());
            i18n.putObject("i18nValue");
        }
        result.put("description", asset.path("description").asText(""))
                .put("timezone", timezone)
                .put("label", "1")
                .put("inValid", false);
        result.set("attributes", asset.hasNonNull("attributes") ? asset.get("attributes").deepCopy() : Json.object());
        result.set("tags", asset.hasNonNull("tags") ? asset.get("tags").deepCopy() : Json.object());
        return result;
    }
}
