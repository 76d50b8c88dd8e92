package io.camelenos.simulator.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.data.AssetStore;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The org's asset trees, shared through {@link SimContext#shared}. Each generated site roots its own tree
 * ({@link DataSet#treeIdOfSite}) whose children are the site's devices; such a tree is computed on demand until a
 * write touches it, then it is "materialised" into a mutable {@link Tree}. Trees created through the API are
 * materialised from the start. Other services (the alert service) read trees through the public methods here.
 *
 * <p>Writes are synchronised on the store; {@link #treeIdsOf} (called per record by searches) reads lock-free
 * from concurrent maps holding immutable sets.
 */
public final class AssetTrees {

    /** EnOS allows 7 layers in a tree (17770 beyond). */
    public static final int MAX_DEPTH = 7;

    private final DataSet dataSet;
    private final AssetStore assets;
    private final Map<String, Tree> materialised = new ConcurrentHashMap<>();
    private final Set<String> deletedGenerated = ConcurrentHashMap.newKeySet();
    private final List<String> createdTreeIds = new ArrayList<>();
    /** Asset id → ids of the materialised trees that hold it, in joining order (immutable lists, replaced on change). */
    private final Map<String, List<String>> membership = new ConcurrentHashMap<>();
    private long treeSeq;

    public AssetTrees(SimContext context) {
        this.dataSet = context.dataSet();
        this.assets = dataSet.assets();
    }

    /** The shared instance of an emulator. */
    public static AssetTrees of(SimContext context) {
        return context.shared(AssetTrees.class, AssetTrees::new);
    }

    // ---------------------------------------------------------------- reads (public API for other services)

    public boolean exists(String treeId) {
        return treeId != null && (materialised.containsKey(treeId) || generatedSite(treeId) >= 0);
    }

    /** The ids of the trees that hold an asset: its generated site's tree first, then the others as they were joined. */
    public List<String> treeIdsOf(String assetId) {
        if (assetId == null || !assets.exists(assetId)) {
            return List.of();
        }
        List<String> result = new ArrayList<>(1);
        int index = dataSet.indexOf(assetId);
        String generated = index < 0 ? null : dataSet.treeIdOfSite(DataSet.siteIndexOf(index));
        if (generated != null && !materialised.containsKey(generated) && !deletedGenerated.contains(generated)
                && assets.exists(dataSet.assetId(DataSet.siteIndexOf(index)))) {
            result.add(generated);
        }
        List<String> more = membership.get(assetId);
        if (more != null) {
            if (generated != null && more.contains(generated)) {
                result.add(generated);
            }
            for (String treeId : more) {
                if (!treeId.equals(generated)) {
                    result.add(treeId);
                }
            }
        }
        return result;
    }

    /** Every asset of a tree, root first then depth-first; empty when the tree does not exist. */
    public List<String> assetIdsOf(String treeId) {
        Optional<Tree> tree = view(treeId);
        return tree.map(Tree::preorder).orElse(List.of());
    }

    /** An asset's paths, one per tree holding it, as EnOS alerts write them: {@code "treeId:/root/.../assetId"}. */
    public List<String> pathsOf(String assetId) {
        List<String> result = new ArrayList<>();
        for (String treeId : treeIdsOf(assetId)) {
            int site = generatedSite(treeId);
            if (site >= 0 && !materialised.containsKey(treeId)) {
                // an untouched generated tree: the site, then the device (no need to build the tree)
                String siteId = dataSet.assetId(site);
                result.add(treeId + ":/" + (siteId.equals(assetId) ? siteId : siteId + "/" + assetId));
                continue;
            }
            view(treeId).ifPresent(tree -> {
                List<String> chain = tree.chain(assetId);
                if (!chain.isEmpty()) {
                    result.add(treeId + ":/" + String.join("/", chain));
                }
            });
        }
        return result;
    }

    /** The model of each root of the trees holding an asset (the {@code rootModelId} of asset searches). */
    public List<String> rootModelIdsOf(String assetId) {
        List<String> result = new ArrayList<>(1);
        for (String treeId : treeIdsOf(assetId)) {
            int site = generatedSite(treeId);
            if (site >= 0 && !materialised.containsKey(treeId)) {
                result.add(dataSet.modelOf(site).modelId());
            } else {
                Tree tree = materialised.get(treeId);
                if (tree != null) {
                    assets.get(tree.rootId).ifPresent(root -> result.add(root.path("modelId").asText()));
                }
            }
        }
        return result;
    }

    /** A snapshot of a tree (a copy: changing it changes nothing), or empty when the tree does not exist. */
    public Optional<Tree> view(String treeId) {
        if (treeId == null) {
            return Optional.empty();
        }
        synchronized (this) {
            Tree tree = materialised.get(treeId);
            if (tree != null) {
                return Optional.of(tree.copy());
            }
        }
        int site = generatedSite(treeId);
        return site < 0 ? Optional.empty() : Optional.of(generate(treeId, site));
    }

    /** The tree or 17404. */
    Tree require(String treeId) {
        return view(treeId).orElseThrow(() -> unknownTree(treeId));
    }

    static ApiError unknownTree(String treeId) {
        return ApiError.of(17404, "TreeId is not exist: " + treeId);
    }

    /** Visits every tree: generated ones in site order (their materialised state when written), then created ones. */
    public void forEachTree(Consumer<Tree> visitor) {
        int sites = dataSet.siteCount();
        for (int s = 0; s < sites; s++) {
            int siteIndex = s * DataSet.BLOCK;
            String treeId = dataSet.treeIdOfSite(siteIndex);
            if (deletedGenerated.contains(treeId)) {
                continue;
            }
            Optional<Tree> tree = view(treeId);
            tree.ifPresent(visitor);
        }
        List<String> created;
        synchronized (this) {
            created = new ArrayList<>(createdTreeIds);
        }
        for (String treeId : created) {
            view(treeId).ifPresent(visitor);
        }
    }

    // ---------------------------------------------------------------- writes

    /** Makes a new tree rooted at an existing asset; returns its id. */
    public synchronized String createTree(String rootAssetId, JsonNode name, JsonNode tags) {
        String treeId = "tr" + Long.toString(36L * 36 * 36 * 36 * 36 * 36 + ++treeSeq, 36);
        Tree tree = new Tree(treeId, i18n(name), tags == null ? Json.object() : tags.deepCopy(), rootAssetId);
        materialised.put(treeId, tree);
        createdTreeIds.add(treeId);
        join(rootAssetId, treeId);
        return treeId;
    }

    public synchronized void updateTree(String treeId, JsonNode name, JsonNode tags) {
        Tree tree = materialise(treeId);
        if (name != null && !name.isNull()) {
            tree.name = i18n(name);
        }
        if (tags != null && !tags.isNull()) {
            tree.tags = tags.deepCopy();
        }
    }

    /** 17404 unknown; 17800 while the root still has children. The root asset itself is kept. */
    public synchronized void deleteTree(String treeId) {
        Tree tree = materialise(treeId);
        if (!tree.children(tree.rootId).isEmpty()) {
            throw ApiError.of(17800, "Query it has sub nodes when delete node: tree " + treeId + " has child nodes");
        }
        materialised.remove(treeId);
        createdTreeIds.remove(treeId);
        if (generatedSite(treeId) >= 0) {
            deletedGenerated.add(treeId);
        }
        leave(tree.rootId, treeId);
    }

    /** Adds an existing asset under a parent: 17404, 17752 parent not in tree, 17558 already in tree, 17770 depth. */
    public synchronized void addNode(String treeId, String parentAssetId, String assetId) {
        Tree tree = materialise(treeId);
        checkAddable(tree, parentAssetId, assetId);
        tree.add(parentAssetId, assetId, null);
        join(assetId, treeId);
    }

    /** Checks what {@link #addNode} checks, without changing anything (so batches are all or nothing). */
    public synchronized void checkAddable(String treeId, String parentAssetId, String assetId) {
        checkAddable(require(treeId), parentAssetId, assetId);
    }

    private static void checkAddable(Tree tree, String parentAssetId, String assetId) {
        if (!tree.contains(parentAssetId)) {
            throw ApiError.of(17752, "The parent asset " + parentAssetId + " is not in tree " + tree.treeId);
        }
        if (tree.contains(assetId)) {
            throw ApiError.of(17558, "The asset " + assetId + " is already in tree " + tree.treeId);
        }
        if (tree.depth(parentAssetId) + 1 > MAX_DEPTH) {
            throw depthExceeded(tree.treeId);
        }
    }

    private static ApiError depthExceeded(String treeId) {
        return ApiError.of(17770, "The asset tree " + treeId + " would exceed " + MAX_DEPTH + " layers");
    }

    /** Removes a leaf from a tree (the asset itself stays): 17764 root, 17766 non-leaf, 99404 not in the tree. */
    public synchronized void removeNode(String treeId, String assetId) {
        Tree tree = materialise(treeId);
        if (!tree.contains(assetId)) {
            throw ApiError.notFound("asset " + assetId + " is not in tree " + treeId);
        }
        if (assetId.equals(tree.rootId)) {
            throw ApiError.of(17764, "The root asset node cannot be deleted.");
        }
        if (!tree.children(assetId).isEmpty()) {
            throw ApiError.of(17766, "The noleaf asset node cannot be deleted.");
        }
        tree.remove(assetId);
        leave(assetId, treeId);
    }

    /** Moves a node (with its subtree) under another parent, after {@code preAssetId} when given, else last. */
    public synchronized void moveNode(String treeId, String assetId, String parentAssetId, String preAssetId) {
        Tree tree = require(treeId);
        if (!tree.contains(assetId)) {
            throw ApiError.notFound("asset " + assetId + " is not in tree " + treeId);
        }
        if (!tree.contains(parentAssetId)) {
            throw ApiError.of(17752, "The parent asset " + parentAssetId + " is not in tree " + treeId);
        }
        if (assetId.equals(tree.rootId)) {
            throw ApiError.invalidArgument("assetId", "the root node of a tree cannot be moved");
        }
        if (tree.chain(parentAssetId).contains(assetId)) {
            throw ApiError.invalidArgument("parentAssetId", "a node cannot move under itself or its descendants");
        }
        if (preAssetId != null && !tree.children(parentAssetId).contains(preAssetId)) {
            throw ApiError.invalidArgument("preAssetId", preAssetId + " is not a child of " + parentAssetId);
        }
        if (tree.depth(parentAssetId) + tree.height(assetId) > MAX_DEPTH) {
            throw depthExceeded(treeId);
        }
        Tree live = materialise(treeId);
        live.detach(assetId);
        live.attach(parentAssetId, assetId, preAssetId);
    }

    private Tree materialise(String treeId) {
        Tree tree = materialised.get(treeId);
        if (tree != null) {
            return tree;
        }
        int site = generatedSite(treeId);
        if (site < 0) {
            throw unknownTree(treeId);
        }
        tree = generate(treeId, site);
        materialised.put(treeId, tree);
        for (String assetId : tree.preorder()) {
            join(assetId, treeId);
        }
        return tree;
    }

    private void join(String assetId, String treeId) {
        membership.compute(assetId, (id, trees) -> {
            List<String> next = trees == null ? new ArrayList<>() : new ArrayList<>(trees);
            if (!next.contains(treeId)) {
                next.add(treeId);
            }
            return List.copyOf(next);
        });
    }

    private void leave(String assetId, String treeId) {
        membership.computeIfPresent(assetId, (id, trees) -> {
            List<String> next = new ArrayList<>(trees);
            next.remove(treeId);
            return next.isEmpty() ? null : List.copyOf(next);
        });
    }

    /** The site index of a generated tree that still exists, or -1. */
    private int generatedSite(String treeId) {
        if (treeId == null || treeId.length() != 12 || !treeId.startsWith("tr") || deletedGenerated.contains(treeId)) {
            return -1;
        }
        int index = dataSet.indexOf(treeId.substring(2));
        return index >= 0 && DataSet.isSite(index) && assets.exists(dataSet.assetId(index)) ? index : -1;
    }

    private Tree generate(String treeId, int site) {
        ObjectNode root = dataSet.generateAsset(site);
        ObjectNode tags = Json.object().put("region", root.path("tags").path("region").asText())
                .put("type", dataSet.modelOf(site).modelId().equals("EnOS_Wind_Farm") ? "wind" : "solar");
        Tree tree = new Tree(treeId, root.get("name").deepCopy(), tags, dataSet.assetId(site));
        for (int device : dataSet.deviceIndexesOf(site)) {
            String id = dataSet.assetId(device);
            if (assets.exists(id)) {
                tree.add(tree.rootId, id, null);
            }
        }
        return tree;
    }

    private static ObjectNode i18n(JsonNode name) {
        if (name == null || name.isNull()) {
            ObjectNode node = Json.object().put("defaultValue", "");
            node.putObject("i18nValue");
            return node;
        }
        if (name.isObject()) {
            return (ObjectNode) name.deepCopy();
        }
        ObjectNode node = Json.object().put("defaultValue", name.asText());
        node.putObject("i18nValue");
        return node;
    }

    /** One tree: its info and its structure (children in order). Instances handed out are copies. */
    public static final class Tree {
        private final String treeId;
        private ObjectNode name;
        private JsonNode tags;
        private final String rootId;
        /** Every node → its parent (the root → null), in insertion order. */
        private final Map<String, String> parents = new LinkedHashMap<>();
        private final Map<String, List<String>> children = new LinkedHashMap<>();

        Tree(String treeId, ObjectNode name, JsonNode tags, String rootId) {
            this.treeId = treeId;
            this.name = name;
            this.tags = tags;
            this.rootId = rootId;
            parents.put(rootId, null);
        }

        Tree copy() {
            Tree copy = new Tree(treeId, name.deepCopy(), tags.deepCopy(), rootId);
            copy.parents.putAll(parents);
            children.forEach((k, v) -> copy.children.put(k, new ArrayList<>(v)));
            return copy;
        }

        public String treeId() {
            return treeId;
        }

        public ObjectNode name() {
            return name;
        }

        public JsonNode tags() {
            return tags;
        }

        public String rootId() {
            return rootId;
        }

        public boolean contains(String assetId) {
            return assetId != null && parents.containsKey(assetId);
        }

        /** The parent of a node, or null for the root or a node not in the tree. */
        public String parent(String assetId) {
            return parents.get(assetId);
        }

        public List<String> children(String assetId) {
            return children.getOrDefault(assetId, List.of());
        }

        /** The ids from the root down to the asset (empty when it is not in the tree). */
        public List<String> chain(String assetId) {
            if (!contains(assetId)) {
                return List.of();
            }
            List<String> chain = new ArrayList<>();
            for (String at = assetId; at != null; at = parents.get(at)) {
                chain.add(0, at);
            }
            return chain;
        }

        /** Layers from the root (1) to the node. */
        public int depth(String assetId) {
            return chain(assetId).size();
        }

        /** Layers of the subtree under a node, the node included. */
        int height(String assetId) {
            int deepest = 0;
            for (String child : children(assetId)) {
                deepest = Math.max(deepest, height(child));
            }
            return deepest + 1;
        }

        /** The root, then each subtree depth-first in child order. */
        public List<String> preorder() {
            List<String> result = new ArrayList<>(parents.size());
            walk(rootId, result);
            return result;
        }

        /** The nodes under an asset (not the asset itself), depth-first. */
        public List<String> descendants(String assetId) {
            List<String> result = new ArrayList<>();
            walk(assetId, result);
            result.remove(0);
            return result;
        }

        private void walk(String node, List<String> out) {
            out.add(node);
            for (String child : children(node)) {
                walk(child, out);
            }
        }

        void add(String parent, String assetId, String after) {
            parents.put(assetId, parent);
            attachChild(parent, assetId, after);
        }

        private void attachChild(String parent, String assetId, String after) {
            List<String> siblings = children.computeIfAbsent(parent, p -> new ArrayList<>());
            int at = after == null ? siblings.size() : siblings.indexOf(after) + 1;
            siblings.add(at, assetId);
        }

        void remove(String assetId) {
            detach(assetId);
            parents.remove(assetId);
            children.remove(assetId);
        }

        void detach(String assetId) {
            String parent = parents.get(assetId);
            if (parent != null) {
                children.getOrDefault(parent, new ArrayList<>()).remove(assetId);
            }
        }

        void attach(String parent, String assetId, String after) {
            parents.put(assetId, parent);
            attachChild(parent, assetId, after);
        }
    }
}
