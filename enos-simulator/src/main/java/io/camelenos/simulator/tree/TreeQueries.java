package io.camelenos.simulator.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.http.Reply;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.query.Paging;
import io.camelenos.simulator.query.Projection;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The read-only node queries over one tree or a few assets: getAssetTree, searchRelatedAsset, asset paths. */
final class TreeQueries {

    /** getAssetTree takes at most 100 asset ids (get_asset_trees.md). */
    static final int MAX_ASSET_IDS = 100;

    private final AssetTrees trees;
    private final AssetRefs refs;

    TreeQueries(AssetTrees trees, AssetRefs refs) {
        this.trees = trees;
        this.refs = refs;
    }

    // POST /asset-tree-service/v2.1/asset-nodes?action=getAssetTree&orgId= , body {assetIds: [...], projection}
    Object assetTrees(SimRequest request) {
        JsonNode body = request.jsonObject();
        JsonNode ids = body.get("assetIds");
        if (ids == null || ids.isNull() || (ids.isArray() && ids.isEmpty())) {
            throw ApiError.missing("assetIds");
        }
        if (!ids.isArray()) {
            throw ApiError.invalidArgument("assetIds", "an array of asset ids is expected");
        }
        if (ids.size() > MAX_ASSET_IDS) {
            throw ApiError.invalidArgument("assetIds", "at most " + MAX_ASSET_IDS + " ids, was " + ids.size());
        }
        Projection projection = Projection.from(body);
        ObjectNode data = Json.object();
        for (JsonNode id : ids) {
            String assetId = id.asText();
            List<String> treeIds = trees.treeIdsOf(assetId);
            if (treeIds.isEmpty()) {
                continue; // "If the assetId is not in the tree, no Key will be returned in data"
            }
            ArrayNode list = data.putArray(assetId);
            for (String treeId : treeIds) {
                trees.view(treeId).ifPresent(tree -> list.add(Projection.apply(projection, treeStruct(tree))));
            }
        }
        return data;
    }

    private ObjectNode treeStruct(AssetTrees.Tree tree) {
        ObjectNode node = Json.object().put("treeId", tree.treeId());
        node.set("name", tree.name());
        node.set("tags", tree.tags());
        node.set("asset", refs.treeAsset(tree.rootId()));
        return node;
    }

    // POST /asset-tree-service/v2.1/asset-nodes?action=searchRelatedAsset&orgId=&treeId= , body {filter, pagination, projection}
    Object related(SimRequest request) {
        String treeId = request.requireParam("treeId");
        JsonNode body = request.jsonObject();
        Paging paging = Paging.from(body, AssetSearch.DEFAULT_PAGE, AssetSearch.MAX_PAGE, false);
        Projection projection = Projection.from(body);
        AssetTrees.Tree tree = trees.require(treeId);
        JsonNode filter = body.path("filter");
        if (!filter.isMissingNode() && !filter.isNull() && !filter.isObject()) {
            throw ApiError.invalidArgument("filter", "a JSON object is expected");
        }
        Set<String> candidates = new LinkedHashSet<>(tree.preorder());
        relation(filter, "isParentOfAssetId", tree, candidates, (t, id) -> single(t.parent(id)));
        relation(filter, "isChildOfAssetId", tree, candidates, (t, id) -> t.children(id));
        relation(filter, "isAncestorOfAssetId", tree, candidates, (t, id) -> {
            List<String> chain = new ArrayList<>(t.chain(id));
            chain.remove(id);
            return chain;
        });
        relation(filter, "isDescendantOfAssetId", tree, candidates, AssetTrees.Tree::descendants);
        Predicate<JsonNode> assetFilter = assetFilter(filter, tree);
        Paging.Collector collector = paging.collector(assetFilter, projection);
        for (String assetId : candidates) {
            if (refs.exists(assetId)) {
                collector.accept(refs.treeAsset(assetId));
            }
        }
        return collector.reply();
    }

    private static List<String> single(String id) {
        return id == null ? List.of() : List.of(id);
    }

    private interface Relation {
        List<String> of(AssetTrees.Tree tree, String assetId);
    }

    private static void relation(JsonNode filter, String key, AssetTrees.Tree tree, Set<String> candidates,
                                 Relation relation) {
        String assetId = Json.text(filter, key);
        if (assetId == null || assetId.isBlank()) {
            return;
        }
        candidates.retainAll(tree.contains(assetId) ? new HashSet<>(relation.of(tree, assetId)) : Set.of());
    }

    /** assetIds, modelIds, rootModelIds (the model of this tree's root) and nameLike, all of which must hold. */
    private Predicate<JsonNode> assetFilter(JsonNode filter, AssetTrees.Tree tree) {
        List<Predicate<JsonNode>> all = new ArrayList<>();
        Set<String> assetIds = strings(filter, "assetIds");
        if (assetIds != null) {
            all.add(a -> assetIds.contains(a.path("assetId").asText()));
        }
        Set<String> modelIds = strings(filter, "modelIds");
        if (modelIds != null) {
            all.add(a -> modelIds.contains(a.path("modelId").asText()));
        }
        Set<String> rootModelIds = strings(filter, "rootModelIds");
        if (rootModelIds != null) {
            boolean rootMatches = rootModelIds.contains(refs.asset(tree.rootId()).path("modelId").asText());
            all.add(a -> rootMatches);
        }
        JsonNode nameLike = filter.get("nameLike");
        if (nameLike != null && !nameLike.isNull()) {
            String value = nameLike.isTextual() ? nameLike.asText() : nameLike.path("value").asText();
            String locale = nameLike.isTextual() ? null : Json.text(nameLike, "locale");
            all.add(a -> nameContains(a.path("name"), locale, value));
        }
        return a -> all.stream().allMatch(p -> p.test(a));
    }

    static boolean nameContains(JsonNode name, String locale, String value) {
        if (name.isTextual()) {
            return name.asText().contains(value);
        }
        if (locale != null) {
            JsonNode localised = name.path("i18nValue").get(locale);
            String text = localised != null && !localised.isNull() ? localised.asText()
                    : name.path("defaultValue").asText();
            return text.contains(value);
        }
        if (name.path("defaultValue").asText().contains(value)) {
            return true;
        }
        for (JsonNode v : name.path("i18nValue")) {
            if (v.asText().contains(value)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> strings(JsonNode node, String key) {
        JsonNode list = node == null ? null : node.get(key);
        if (list == null || list.isNull()) {
            return null;
        }
        if (!list.isArray()) {
            throw ApiError.invalidArgument(key, "an array is expected");
        }
        Set<String> result = new HashSet<>();
        list.forEach(v -> result.add(v.asText()));
        return result;
    }

    // POST /asset-tree-service/v2.1/asset-paths?action=search&orgId=&treeId= , body {from, to, pathProjection, ...}
    Object paths(SimRequest request) {
        String treeId = request.requireParam("treeId");
        JsonNode body = request.jsonObject();
        Paging paging = Paging.from(body, AssetSearch.DEFAULT_PAGE, AssetSearch.MAX_PAGE, false);
        Projection projection = Projection.from(body);
        String pathProjection = body.path("pathProjection").asText("COMPLETE");
        if (!pathProjection.equals("COMPLETE") && !pathProjection.equals("END_NODE_ONLY")) {
            throw ApiError.invalidArgument("pathProjection", "COMPLETE or END_NODE_ONLY, was " + pathProjection);
        }
        AssetTrees.Tree tree = trees.require(treeId);
        String rootModel = refs.asset(tree.rootId()).path("modelId").asText();
        Map<String, String> models = new HashMap<>();
        Predicate<String> from = end(body.get("from"), "from", models, rootModel);
        Predicate<String> to = end(body.get("to"), "to", models, rootModel);
        boolean fromGiven = from != null;
        boolean toGiven = to != null;
        Paging.Collector collector = paging.collector(p -> true, null);
        for (String start : fromGiven ? tree.preorder() : List.of(tree.rootId())) {
            if (fromGiven && !from.test(start)) {
                continue;
            }
            for (String end : tree.descendants(start)) {
                boolean isEnd = toGiven ? to.test(end) : tree.children(end).isEmpty();
                if (isEnd) {
                    collector.accept(path(tree, start, end, pathProjection.equals("END_NODE_ONLY")));
                }
            }
        }
        ArrayNode page = (ArrayNode) collector.reply().data();
        ObjectNode data = Json.object();
        ObjectNode assets = data.putObject("assets");
        for (JsonNode path : page) {
            path.forEach(id -> {
                if (!assets.has(id.asText()) && refs.exists(id.asText())) {
                    assets.set(id.asText(), refs.treeAsset(id.asText()));
                }
            });
        }
        data.set("assetPaths", page);
        return Reply.page(Projection.apply(projection, data), paging.toJson(collector.totalSize()));
    }

    private static ArrayNode path(AssetTrees.Tree tree, String start, String end, boolean endsOnly) {
        ArrayNode path = Json.array();
        if (endsOnly) {
            return path.add(start).add(end);
        }
        List<String> chain = tree.chain(end);
        chain.subList(chain.indexOf(start), chain.size()).forEach(path::add);
        return path;
    }

    /** A From-to struct as a node predicate; null when absent (the default end applies). */
    private Predicate<String> end(JsonNode vo, String what, Map<String, String> models, String rootModel) {
        if (vo == null || vo.isNull()) {
            return null;
        }
        if (!vo.isObject()) {
            throw ApiError.invalidArgument(what, "a JSON object is expected");
        }
        Set<String> assetIds = strings(vo, "assetIds");
        Set<String> modelIds = strings(vo, "modelIds");
        Set<String> rootModelIds = strings(vo, "rootModelIds");
        return id -> (assetIds == null || assetIds.contains(id))
                && (modelIds == null || modelIds.contains(
                        models.computeIfAbsent(id, x -> refs.asset(x).path("modelId").asText())))
                && (rootModelIds == null || rootModelIds.contains(rootModel));
    }
}
