package io.camelenos.examples;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.EnosApiException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/**
 * The devices of a site, by thing model, with the measure points to read of each model: what the telemetry tail
 * reads. Found through {@code enos:} producers: the site ({@code asset/getAsset}), the asset trees that hold it
 * ({@code asset-tree/getAssetTrees}), every asset below it in those trees ({@code asset-tree/searchRelatedAssetNode},
 * filter {@code isDescendantOfAssetId}), and the measure points of each of their models ({@code model/getThingModel}).
 */
record SiteDevices(String siteAssetId, String siteName, List<Group> groups) {

    private static final String OPTION = "tail-telemetry.site-asset-id";

    /** The devices of one thing model and the points to read from them. */
    record Group(String modelId, List<String> assetIds, List<String> pointIds) {
    }

    /**
     * @param points the measure points to keep; empty for every measure point of each model
     */
    static SiteDevices resolve(ProducerTemplate enos, String siteAssetId, Set<String> points) {
        JsonNode site = site(enos, siteAssetId);
        Map<String, Set<String>> assetsByModel = new LinkedHashMap<>();
        for (String treeId : treeIds(enos, siteAssetId)) {
            Iterator<?> below = call(enos, "enos:asset-tree/searchRelatedAssetNode?fetchAll=true&pageSize=1000"
                                           + "&projection=assetId,modelId&treeId=" + treeId,
                    Map.of("filter", Map.of("isDescendantOfAssetId", siteAssetId)), Iterator.class);
            below.forEachRemaining(asset -> {
                JsonNode node = (JsonNode) asset;
                assetsByModel.computeIfAbsent(node.path("modelId").asText(), k -> new LinkedHashSet<>())
                        .add(node.path("assetId").asText());
            });
        }
        List<Group> groups = new ArrayList<>();
        assetsByModel.forEach((modelId, assetIds) -> {
            List<String> modelPoints = modelId.isEmpty() ? List.of() : pointsOf(enos, modelId, points);
            if (!modelPoints.isEmpty()) {
                groups.add(new Group(modelId, List.copyOf(assetIds), modelPoints));
            }
        });
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("Option " + OPTION + ": asset " + siteAssetId + " has no device with "
                                               + (points.isEmpty() ? "measure points" : "the points " + points)
                                               + " below it in its asset trees");
        }
        return new SiteDevices(siteAssetId, site.path("name").path("defaultValue").asText(siteAssetId), groups);
    }

    private static JsonNode site(ProducerTemplate enos, String siteAssetId) {
        try {
            return call(enos, "enos:asset/getAsset?assetId=" + siteAssetId, null, JsonNode.class);
        } catch (EnosApiException e) {
            if (e.getCode() == 99404) {
                throw new IllegalArgumentException("Option " + OPTION + ": no asset " + siteAssetId + " in the "
                                                   + "organisation (" + e.getMessage() + ")", e);
            }
            throw e;
        }
    }

    private static List<String> treeIds(ProducerTemplate enos, String siteAssetId) {
        JsonNode trees = call(enos, "enos:asset-tree/getAssetTrees?assetIds=" + siteAssetId, null, JsonNode.class)
                .path(siteAssetId);
        List<String> treeIds = new ArrayList<>();
        trees.forEach(tree -> treeIds.add(tree.path("treeId").asText()));
        if (treeIds.isEmpty()) {
            throw new IllegalArgumentException("Option " + OPTION + ": asset " + siteAssetId + " is in no asset tree, "
                                               + "so no device is below it");
        }
        return treeIds;
    }

    private static List<String> pointsOf(ProducerTemplate enos, String modelId, Set<String> wanted) {
        JsonNode model = call(enos, "enos:model/getThingModel?modelId=" + modelId, null, JsonNode.class);
        List<String> pointIds = new ArrayList<>();
        model.path("measurepoints").fieldNames().forEachRemaining(id -> {
            if (wanted.isEmpty() || wanted.contains(id)) {
                pointIds.add(id);
            }
        });
        return pointIds;
    }

    /** One call; EnOS's refusal as the EnosApiException itself rather than Camel's wrapper. */
    private static <T> T call(ProducerTemplate enos, String uri, Object body, Class<T> type) {
        try {
            return enos.requestBody(uri, body, type);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
