package io.camelenos.simulator.sdk;

import com.envisioniot.enos.asset_service.v2_1.GetAssetRequest;
import com.envisioniot.enos.asset_service.v2_1.GetAssetResponse;
import com.envisioniot.enos.asset_service.v2_1.UpdateAssetRequest;
import com.envisioniot.enos.asset_service.v2_1.UpdateAssetResponse;
import com.envisioniot.enos.asset_service.vo.AssetUpdateVo;
import com.envisioniot.enos.asset_tree_service.v2_1.AssociateAssetNodeRequest;
import com.envisioniot.enos.asset_tree_service.v2_1.AssociateAssetNodeResponse;
import com.envisioniot.enos.asset_tree_service.v2_1.AssociateTreeRequest;
import com.envisioniot.enos.asset_tree_service.v2_1.AssociateTreeResponse;
import com.envisioniot.enos.asset_tree_service.v2_1.CreateAssetNodeRequest;
import com.envisioniot.enos.asset_tree_service.v2_1.CreateAssetNodeResponse;
import com.envisioniot.enos.asset_tree_service.v2_1.CreateTreeRequest;
import com.envisioniot.enos.asset_tree_service.v2_1.CreateTreeResponse;
import com.envisioniot.enos.asset_tree_service.v2_1.DeleteAssetNodeRequest;
import com.envisioniot.enos.asset_tree_service.v2_1.DeleteAssetNodeResponse;
import com.envisioniot.enos.asset_tree_service.v2_1.DeleteTreeRequest;
import com.envisioniot.enos.asset_tree_service.v2_1.DeleteTreeResponse;
import com.envisioniot.enos.asset_tree_service.v2_1.GetAssetTreeRequest;
import com.envisioniot.enos.asset_tree_service.v2_1.GetAssetTreeResponse;
import com.envisioniot.enos.asset_tree_service.v2_1.SearchAssetNodeRequest;
import com.envisioniot.enos.asset_tree_service.v2_1.SearchAssetNodeResponse;
import com.envisioniot.enos.asset_tree_service.v2_1.SearchAssetPathRequest;
import com.envisioniot.enos.asset_tree_service.v2_1.SearchAssetPathResponse;
import com.envisioniot.enos.asset_tree_service.v2_1.SearchAssetTreeByAssetIdsRequest;
import com.envisioniot.enos.asset_tree_service.v2_1.SearchAssetTreeByAssetIdsResponse;
import com.envisioniot.enos.asset_tree_service.v2_1.SearchAssetTreeRequest;
import com.envisioniot.enos.asset_tree_service.v2_1.SearchAssetTreeResponse;
import com.envisioniot.enos.asset_tree_service.v2_1.SearchRelatedAssetNodeRequest;
import com.envisioniot.enos.asset_tree_service.v2_1.SearchRelatedAssetNodeResponse;
import com.envisioniot.enos.asset_tree_service.v2_1.UpdateTreeRequest;
import com.envisioniot.enos.asset_tree_service.v2_1.UpdateTreeResponse;
import com.envisioniot.enos.asset_tree_service.vo.AssetCreateVo;
import com.envisioniot.enos.asset_tree_service.vo.AssetSearchVo;
import com.envisioniot.enos.asset_tree_service.vo.AssetTreePathSearchEndVo;
import com.envisioniot.enos.asset_tree_service.vo.I18nVo;
import com.envisioniot.enos.asset_tree_service.vo.RelatedAssetSearchVo;
import com.envisioniot.enos.asset_tree_service.vo.TreeUpdateVo;
import com.envisioniot.enos.asset_tree_service.vo.TreeVo;
import com.envisioniot.enos.model_service.v2_1.GetThingModelRequest;
import com.envisioniot.enos.model_service.v2_1.GetThingModelResponse;
import com.envisioniot.enos.model_service.v2_1.SearchThingModelRequest;
import com.envisioniot.enos.model_service.v2_1.SearchThingModelResponse;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Asset, Asset Tree and Model request classes: a tree created, grown, searched, shrunk and deleted. */
final class TreeAndAssetFlow {

    static final String SITE_MODEL = "EnOS_Wind_Farm";
    static final String METER_MODEL = "EnOS_Meter";

    private final Sdk sdk;

    TreeAndAssetFlow(Sdk sdk) {
        this.sdk = sdk;
    }

    void thingModels() {
        SearchThingModelRequest search = new SearchThingModelRequest();
        search.setOrgId(sdk.orgId());
        search.setExpression("modelId = '" + METER_MODEL + "'");
        var models = sdk.ok(search, SearchThingModelResponse.class);
        assertEquals(1, models.getData().size());
        assertEquals(METER_MODEL, models.getData().get(0).getModelId());

        GetThingModelRequest get = new GetThingModelRequest();
        get.setOrgId(sdk.orgId());
        get.setModelId(METER_MODEL);
        var model = sdk.ok(get, GetThingModelResponse.class).getData();
        assertEquals(METER_MODEL, model.getModelId());
        assertFalse(model.getMeasurepoints().isEmpty(), "the meter model has measure points");

        get.setModelId("NoSuchModel");
        sdk.fails(99404, get, GetThingModelResponse.class);
    }

    void treesAndAssets() {
        SearchAssetTreeRequest searchTrees = new SearchAssetTreeRequest();
        searchTrees.setOrgId(sdk.orgId());
        int treesBefore = sdk.ok(searchTrees, SearchAssetTreeResponse.class).getPagination().getTotalSize();

        String treeId = createTree("SDK tree");
        TreeVo tree = getTree(treeId);
        String rootId = tree.getAsset().getAssetId();
        assertEquals(SITE_MODEL, tree.getAsset().getModelId());
        assertEquals(treesBefore + 1, sdk.ok(searchTrees, SearchAssetTreeResponse.class).getPagination().getTotalSize());

        UpdateTreeRequest update = new UpdateTreeRequest();
        update.setOrgId(sdk.orgId());
        TreeUpdateVo change = new TreeUpdateVo();
        change.setTreeId(treeId);
        change.setName(i18n("SDK tree renamed"));
        change.setTags(Map.of("origin", "sdk"));
        update.setTreeUpdateInfo(change);
        sdk.ok(update, UpdateTreeResponse.class);
        assertEquals("sdk", getTree(treeId).getTags().get("origin"));

        String meterId = createNode(treeId, rootId);
        assets(treeId, rootId, meterId);
        searches(treeId, rootId, meterId);
        associateAndDelete(treeId, rootId, meterId);
        createAndAssociate();

        DeleteTreeRequest delete = new DeleteTreeRequest();
        delete.setOrgId(sdk.orgId());
        delete.setTreeId(treeId);
        sdk.ok(delete, DeleteTreeResponse.class);
        GetAssetTreeRequest gone = new GetAssetTreeRequest();
        gone.setOrgId(sdk.orgId());
        gone.setTreeId(treeId);
        sdk.fails(17404, gone, GetAssetTreeResponse.class);
    }

    /** Create asset tree with only the root asset: {@code tree} is optional (the docs), which the SDK relies on. */
    private String createTree(String name) {
        CreateTreeRequest create = new CreateTreeRequest();
        create.setOrgId(sdk.orgId());
        create.setAsset(asset(SITE_MODEL, name));
        String treeId = sdk.ok(create, CreateTreeResponse.class).getData();
        assertNotNull(treeId, "create tree answers the tree id");
        return treeId;
    }

    private TreeVo getTree(String treeId) {
        GetAssetTreeRequest get = new GetAssetTreeRequest();
        get.setOrgId(sdk.orgId());
        get.setTreeId(treeId);
        TreeVo tree = sdk.ok(get, GetAssetTreeResponse.class).getData();
        assertEquals(treeId, tree.getTreeId());
        return tree;
    }

    private String createNode(String treeId, String parentId) {
        CreateAssetNodeRequest create = new CreateAssetNodeRequest();
        create.setOrgId(sdk.orgId());
        create.setTreeId(treeId);
        create.setParentAssetId(parentId);
        create.setAsset(asset(METER_MODEL, "SDK meter"));
        String assetId = sdk.ok(create, CreateAssetNodeResponse.class).getData();
        assertNotNull(assetId, "create asset node answers the asset id");
        return assetId;
    }

    private void assets(String treeId, String rootId, String meterId) {
        GetAssetRequest get = new GetAssetRequest();
        get.setOrgId(sdk.orgId());
        get.setAssetId(meterId);
        assertEquals("SDK meter", sdk.ok(get, GetAssetResponse.class).getData().getName().getDefaultValue());

        UpdateAssetRequest update = new UpdateAssetRequest();
        update.setOrgId(sdk.orgId());
        update.setIsPatchUpdate(true);
        AssetUpdateVo change = new AssetUpdateVo();
        change.setAssetId(meterId);
        change.setDescription("updated through the SDK");
        update.setAsset(change);
        sdk.ok(update, UpdateAssetResponse.class);
        var asset = sdk.ok(get, GetAssetResponse.class).getData();
        assertEquals("updated through the SDK", asset.getDescription());
        assertEquals(METER_MODEL, asset.getModelId());

        get.setAssetId("noSuchAsset");
        sdk.fails(99404, get, GetAssetResponse.class);
    }

    private void searches(String treeId, String rootId, String meterId) {
        SearchAssetNodeRequest search = new SearchAssetNodeRequest();
        search.setOrgId(sdk.orgId());
        AssetSearchVo filter = new AssetSearchVo();
        filter.setTreeId(treeId);
        filter.setModelIds(List.of(METER_MODEL));
        search.setFilter(filter);
        search.setPagination(Sdk.firstPage(10));
        var found = sdk.ok(search, SearchAssetNodeResponse.class);
        assertEquals(1, found.getData().size());
        assertEquals(meterId, found.getData().get(0).getAssetId());

        SearchRelatedAssetNodeRequest related = new SearchRelatedAssetNodeRequest();
        related.setOrgId(sdk.orgId());
        related.setTreeId(treeId);
        RelatedAssetSearchVo children = new RelatedAssetSearchVo();
        children.setIsChildOfAssetId(rootId);
        related.setFilter(children);
        var kids = sdk.ok(related, SearchRelatedAssetNodeResponse.class).getData();
        assertEquals(List.of(meterId), kids.stream().map(a -> a.getAssetId()).toList());

        SearchAssetPathRequest paths = new SearchAssetPathRequest();
        paths.setOrgId(sdk.orgId());
        paths.setTreeId(treeId);
        AssetTreePathSearchEndVo to = new AssetTreePathSearchEndVo();
        to.setAssetIds(List.of(meterId));
        paths.setTo(to);
        var path = sdk.ok(paths, SearchAssetPathResponse.class);
        assertNotNull(path.getData(), "a path from the root to the meter");

        SearchAssetTreeByAssetIdsRequest byAssets = new SearchAssetTreeByAssetIdsRequest();
        byAssets.setOrgId(sdk.orgId());
        byAssets.setAssetIds(List.of(meterId));
        Map<String, List<TreeVo>> trees = sdk.ok(byAssets, SearchAssetTreeByAssetIdsResponse.class).getData();
        assertEquals(treeId, trees.get(meterId).get(0).getTreeId());
    }

    private void associateAndDelete(String treeId, String rootId, String meterId) {
        String other = createTree("SDK second tree");
        String otherRoot = getTree(other).getAsset().getAssetId();

        AssociateAssetNodeRequest associate = new AssociateAssetNodeRequest();
        associate.setOrgId(sdk.orgId());
        associate.setTreeId(treeId);
        associate.setParentAssetId(meterId);
        associate.setAssetId(otherRoot);
        sdk.ok(associate, AssociateAssetNodeResponse.class);

        DeleteAssetNodeRequest delete = new DeleteAssetNodeRequest();
        delete.setOrgId(sdk.orgId());
        delete.setTreeId(treeId);
        delete.setAssetId(meterId);
        sdk.fails(17766, delete, DeleteAssetNodeResponse.class);
        delete.setAssetId(otherRoot);
        sdk.ok(delete, DeleteAssetNodeResponse.class);
        delete.setAssetId(meterId);
        sdk.ok(delete, DeleteAssetNodeResponse.class);
        GetAssetRequest get = new GetAssetRequest();
        get.setOrgId(sdk.orgId());
        get.setAssetId(meterId);
        sdk.ok(get, GetAssetResponse.class);
        deleteTree(other);
    }

    /** Create and associate a tree with an existing asset as its root; {@code tree} optional again. */
    private void createAndAssociate() {
        String treeId = createTree("SDK root source");
        String rootId = getTree(treeId).getAsset().getAssetId();
        deleteTree(treeId);

        GetAssetRequest get = new GetAssetRequest();
        get.setOrgId(sdk.orgId());
        get.setAssetId(rootId);
        sdk.ok(get, GetAssetResponse.class);

        AssociateTreeRequest associate = new AssociateTreeRequest();
        associate.setOrgId(sdk.orgId());
        associate.setAssetId(rootId);
        String associated = sdk.ok(associate, AssociateTreeResponse.class).getData();
        assertNotNull(associated, "create-and-associate answers the tree id");
        assertEquals(rootId, getTree(associated).getAsset().getAssetId());
        assertTrue(deleteTree(associated));
    }

    private boolean deleteTree(String treeId) {
        DeleteTreeRequest delete = new DeleteTreeRequest();
        delete.setOrgId(sdk.orgId());
        delete.setTreeId(treeId);
        return sdk.ok(delete, DeleteTreeResponse.class).success();
    }

    static AssetCreateVo asset(String modelId, String name) {
        AssetCreateVo asset = new AssetCreateVo();
        asset.setModelId(modelId);
        asset.setName(i18n(name));
        asset.setTimezone("+08:00");
        return asset;
    }

    static I18nVo i18n(String text) {
        I18nVo value = new I18nVo();
        value.setDefaultValue(text);
        value.setI18nValue(Map.of("en_US", text));
        return value;
    }
}
