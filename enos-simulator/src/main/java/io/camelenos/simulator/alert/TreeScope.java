package io.camelenos.simulator.alert;

import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.http.ApiError;

import java.util.List;

/**
 * Which assets an asset tree holds, for alert scopes and {@code assetPaths}. It reads the generated trees straight
 * from the data set (one tree per site, {@code treeIdOfSite}, the site's devices under its root); this is the one
 * place to switch to the asset-tree service's store once that lands.
 */
final class TreeScope {

    private final DataSet dataSet;

    TreeScope(DataSet dataSet) {
        this.dataSet = dataSet;
    }

    /** The site index a tree id roots at, or -1 when no generated tree has that id. */
    int siteOfTree(String treeId) {
        if (treeId == null || !treeId.startsWith("tr")) {
            return -1;
        }
        int index = dataSet.indexOf(treeId.substring(2));
        return index >= 0 && DataSet.isSite(index) ? index : -1;
    }

    /** Checks a scope's tree (and node, when given); 99404 when either is unknown. */
    void check(String treeId, String fromAssetId) {
        int site = siteOfTree(treeId);
        if (site < 0) {
            throw ApiError.notFound("treeId " + treeId);
        }
        if (fromAssetId != null && !inTree(site, dataSet.indexOf(fromAssetId))) {
            throw ApiError.notFound("asset " + fromAssetId + " in tree " + treeId);
        }
    }

    private static boolean inTree(int site, int index) {
        return index >= 0 && DataSet.siteIndexOf(index) == site;
    }

    /** Whether an asset is in a tree, under (or at) {@code fromAssetId} when given. */
    boolean contains(String treeId, String fromAssetId, String assetId) {
        int site = siteOfTree(treeId);
        int index = dataSet.indexOf(assetId);
        if (site < 0 || !inTree(site, index)) {
            return false;
        }
        if (fromAssetId == null || fromAssetId.equals("all")) {
            return true;
        }
        int from = dataSet.indexOf(fromAssetId);
        return from == site || from == index;
    }

    /** The asset's paths in the trees it belongs to: {@code ["treeId:/siteAssetId/deviceAssetId"]}. */
    List<String> assetPaths(String assetId) {
        int index = dataSet.indexOf(assetId);
        if (index < 0) {
            return List.of();
        }
        int site = DataSet.siteIndexOf(index);
        String path = "/" + dataSet.assetId(site) + (index == site ? "" : "/" + assetId);
        return List.of(dataSet.treeIdOfSite(site) + ":" + path);
    }
}
