package io.camelenos.simulator.alert;

import io.camelenos.simulator.tree.AssetTrees;
import io.camelenos.simulator.wire.ApiError;

import java.util.List;

/**
 * Which assets an asset tree holds, for alert scopes and {@code assetPaths}, read from the asset-tree service's
 * store so that trees created, changed or deleted through the API scope alerts too.
 */
final class TreeScope {

    private final AssetTrees trees;

    TreeScope(AssetTrees trees) {
        this.trees = trees;
    }

    /** Checks a scope's tree (and node, when given); 99404 when either is unknown. */
    void check(String treeId, String fromAssetId) {
        if (treeId == null || !trees.exists(treeId)) {
            throw ApiError.notFound("treeId " + treeId);
        }
        if (fromAssetId != null && !fromAssetId.equals("all") && pathIn(treeId, fromAssetId) == null) {
            throw ApiError.notFound("asset " + fromAssetId + " in tree " + treeId);
        }
    }

    /** Whether an asset is in a tree, under (or at) {@code fromAssetId} when given. */
    boolean contains(String treeId, String fromAssetId, String assetId) {
        String path = pathIn(treeId, assetId);
        if (path == null) {
            return false;
        }
        return fromAssetId == null || fromAssetId.equals("all") || ("/" + path + "/").contains("/" + fromAssetId + "/");
    }

    /** The asset's paths in the trees it belongs to: {@code ["treeId:/rootAssetId/.../assetId"]}. */
    List<String> assetPaths(String assetId) {
        return trees.pathsOf(assetId);
    }

    /** The asset's path inside one tree ("/root/.../asset" without the tree id), or null when it is not there. */
    private String pathIn(String treeId, String assetId) {
        String prefix = treeId + ":";
        for (String path : trees.pathsOf(assetId)) {
            if (path.startsWith(prefix)) {
                return path.substring(prefix.length());
            }
        }
        return null;
    }
}
