package io.camelenos.simulator.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tree and node operations of the Asset Tree service, on an emulator of 250 assets (10 sites). */
class AssetTreeServiceTest {

    private static final String TREES = "/asset-tree-service/v2.1/asset-trees";
    private static final String NODES = "/asset-tree-service/v2.1/asset-nodes";
    private static final String PATHS = "/asset-tree-service/v2.1/asset-paths";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(250));

    private static SimClient client() {
        return new SimClient(enos.simulator());
    }

    private static DataSet data() {
        return enos.simulator().dataSet();
    }

    private static SimClient.Answer post(String path, Object body, String... query) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i + 1 < query.length; i += 2) {
            q.put(query[i], query[i + 1]);
        }
        return client().post(path, q, body);
    }

    private static SimClient.Answer ok(SimClient.Answer answer) {
        assertEquals(0, answer.code(), answer.body().toString());
        return answer;
    }

    private static ObjectNode assetBlock(String name) {
        ObjectNode asset = Json.object().put("modelId", "EnOS_Wind_Farm").put("name", name).put("timezone", "+08:00");
        asset.putObject("attributes").put("capacity", 50);
        return asset;
    }

    private static String createTree(String name) {
        ObjectNode body = Json.object();
        body.set("asset", assetBlock(name + " root"));
        body.putObject("tree").put("name", name).putObject("tags").put("owner", "tests");
        return ok(post(TREES, body, "action", "create")).data().asText();
    }

    private static String createAsset(String treeId, String parent, String name) {
        ObjectNode body = Json.object();
        body.set("asset", assetBlock(name));
        return ok(post(NODES, body, "action", "createAsset", "treeId", treeId, "parentAssetId", parent)).data().asText();
    }

    private static JsonNode getTree(String treeId) {
        return client().get(TREES, Map.of("action", "get", "treeId", treeId)).body();
    }

    private static AssetTrees store() {
        return AssetTrees.of(enos.simulator().context());
    }

    @Test
    void everyGeneratedSiteRootsATreeOfItsDevices() {
        String treeId = data().treeIdOfSite(25);

        JsonNode tree = ok(client().get(TREES, Map.of("action", "get", "treeId", treeId))).data();

        assertEquals(treeId, tree.get("treeId").asText());
        assertEquals("Solar Site S0002", tree.get("name").get("defaultValue").asText());
        assertEquals(data().assetId(25), tree.get("asset").get("assetId").asText());
        assertEquals("1", tree.get("asset").get("label").asText());
        List<String> members = store().assetIdsOf(treeId);
        assertEquals(25, members.size());
        assertEquals(treeId + ":/" + data().assetId(25) + "/" + data().assetId(30),
                store().pathsOf(data().assetId(30)).get(0));
    }

    @Test
    void unknownTreeIs17404() {
        assertEquals(17404, getTree("trNothingHere").path("code").asInt());
        assertEquals(17404, post(TREES, null, "action", "delete", "treeId", "trNothing").code());
        assertEquals(17404, post(NODES, Json.object().set("asset", assetBlock("x")), "action", "createAsset",
                "treeId", "trNothing", "parentAssetId", data().assetId(0)).code());
    }

    @Test
    void getWithoutTreeIdIs99400() {
        SimClient.Answer answer = client().get(TREES, Map.of("action", "get"));

        assertEquals(99400, answer.code());
        assertTrue(answer.body().get("msg").asText().contains("treeId"));
    }

    @Test
    void createMakesARootAssetAndATree() {
        String treeId = createTree("Created tree");

        JsonNode tree = ok(client().get(TREES, Map.of("action", "get", "treeId", treeId))).data();
        assertEquals("Created tree", tree.get("name").get("defaultValue").asText());
        assertEquals("tests", tree.get("tags").get("owner").asText());
        String rootId = tree.get("asset").get("assetId").asText();
        assertEquals("Created tree root", tree.get("asset").get("name").get("defaultValue").asText());
        assertEquals(List.of(treeId), store().treeIdsOf(rootId));
        JsonNode found = ok(post(NODES, Json.object().put("expression",
                "modelId = 'EnOS_Wind_Farm' and name like 'Created tree root'"), "action", "searchAsset")).data();
        assertEquals(rootId, found.get(0).get("assetId").asText());
    }

    @Test
    void createWithoutTimezoneOrTreeNameIs99400() {
        ObjectNode body = Json.object();
        body.set("asset", assetBlock("x").without("timezone"));
        body.putObject("tree").put("name", "t");
        assertEquals(99400, post(TREES, body, "action", "create").code());

        ObjectNode noName = Json.object();
        noName.set("asset", assetBlock("x"));
        noName.putObject("tree");
        assertEquals(99400, post(TREES, noName, "action", "create").code());
    }

    @Test
    void treeBlockIsOptionalAndTheTreeThenTakesTheRootName() {
        ObjectNode body = Json.object();
        body.set("asset", assetBlock("Rootname only"));

        String treeId = ok(post(TREES, body, "action", "create")).data().asText();

        JsonNode tree = getTree(treeId).get("data");
        assertEquals("Rootname only", tree.get("name").get("defaultValue").asText());
        assertEquals(0, tree.get("tags").size());
        String associated = ok(post(TREES, Json.object(), "action", "associate", "productKey", data().productKeyOf(3),
                "deviceKey", data().deviceKeyOf(3))).data().asText();
        assertEquals(data().assetId(3), getTree(associated).get("data").get("asset").get("assetId").asText());
    }

    @Test
    void associateMakesATreeFromAnExistingAssetByDeviceKeys() {
        ObjectNode body = Json.object();
        body.putObject("tree").put("name", "Turbine tree");

        String treeId = ok(post(TREES, body, "action", "associate", "productKey", data().productKeyOf(2),
                "deviceKey", data().deviceKeyOf(2))).data().asText();

        assertEquals(data().assetId(2), getTree(treeId).get("data").get("asset").get("assetId").asText());
        assertEquals(List.of(data().treeIdOfSite(0), treeId), store().treeIdsOf(data().assetId(2)));
    }

    @Test
    void updateChangesNameAndReplacesTags() {
        String treeId = data().treeIdOfSite(100);
        ObjectNode body = Json.object();
        body.putObject("treeUpdateInfo").put("treeId", treeId).put("name", "Renamed").putObject("tags").put("k", "v");

        ok(post(TREES, body, "action", "update"));

        JsonNode tree = getTree(treeId).get("data");
        assertEquals("Renamed", tree.get("name").get("defaultValue").asText());
        assertEquals(Json.object().put("k", "v"), tree.get("tags"));
        assertEquals(25, store().assetIdsOf(treeId).size());
    }

    @Test
    void searchTreesByTagWithProjection() {
        ObjectNode body = Json.object().put("expression", "tags.type = 'solar'");
        body.putArray("projection").add("treeId");

        SimClient.Answer answer = ok(post(TREES, body, "action", "search"));

        assertEquals(5, answer.body().get("pagination").get("totalSize").asInt());
        assertEquals(Json.object().put("treeId", data().treeIdOfSite(25)), answer.data().get(0));
        assertEquals(99400, post(TREES, Json.object().put("expression", "name = 'x'"), "action", "search").code());
    }

    @Test
    void deletingATreeWithChildrenIs17800AndAnEmptyOneGoes() {
        assertEquals(17800, post(TREES, null, "action", "delete", "treeId", data().treeIdOfSite(50)).code());

        String treeId = createTree("Short-lived");
        String rootId = getTree(treeId).get("data").get("asset").get("assetId").asText();
        ok(post(TREES, null, "action", "delete", "treeId", treeId));

        assertEquals(17404, getTree(treeId).get("code").asInt());
        assertEquals(List.of(), store().treeIdsOf(rootId));
    }

    @Test
    void createAssetAddsANewLogicalAssetUnderTheParent() {
        String treeId = createTree("Nodes");
        String root = store().view(treeId).orElseThrow().rootId();

        String child = createAsset(treeId, root, "Child");

        assertEquals(root, store().view(treeId).orElseThrow().parent(child));
        assertEquals(treeId + ":/" + root + "/" + child, store().pathsOf(child).get(0));
        JsonNode found = ok(post(NODES, Json.object().put("expression", "assetId = '" + child + "'"),
                "action", "searchAsset")).data().get(0);
        assertEquals("Child", found.get("name").get("defaultValue").asText());
        assertEquals(treeId, found.get("treeIds").get(0).asText());
    }

    @Test
    void parentOutsideTheTreeIs17752() {
        String treeId = createTree("Parents");
        ObjectNode body = Json.object();
        body.set("asset", assetBlock("orphan"));

        SimClient.Answer answer = post(NODES, body, "action", "createAsset", "treeId", treeId,
                "parentAssetId", data().assetId(0));

        assertEquals(17752, answer.code());
    }

    @Test
    void theEighthLayerIs17770() {
        String treeId = createTree("Deep");
        String parent = store().view(treeId).orElseThrow().rootId();
        for (int layer = 2; layer <= AssetTrees.MAX_DEPTH; layer++) {
            parent = createAsset(treeId, parent, "layer " + layer);
        }
        ObjectNode body = Json.object();
        body.set("asset", assetBlock("too deep"));

        SimClient.Answer answer = post(NODES, body, "action", "createAsset", "treeId", treeId, "parentAssetId", parent);

        assertEquals(17770, answer.code());
    }

    @Test
    void associateAssetLinksAnExistingAssetOnceOnly() {
        String treeId = createTree("Links");
        String root = store().view(treeId).orElseThrow().rootId();
        String turbine = data().assetId(101);

        ok(post(NODES, null, "action", "associateAsset", "treeId", treeId, "parentAssetId", root, "assetId", turbine));
        SimClient.Answer again = post(NODES, null, "action", "associateAsset", "treeId", treeId,
                "parentAssetId", root, "assetId", turbine);

        assertEquals(17558, again.code());
        assertEquals(List.of(data().treeIdOfSite(100), treeId), store().treeIdsOf(turbine));
    }

    @Test
    void associateAssetBatchLinksAllOrNone() {
        String treeId = createTree("Batch");
        String root = store().view(treeId).orElseThrow().rootId();
        ObjectNode body = Json.object();
        body.putArray("assetIdentifiers").add(Json.object().put("assetId", data().assetId(126)))
                .add(Json.object().put("productKey", data().productKeyOf(127)).put("deviceKey", data().deviceKeyOf(127)));

        ok(post(NODES, body, "action", "associateAssetBatch", "treeId", treeId, "parentAssetId", root));
        assertEquals(3, store().assetIdsOf(treeId).size());

        ObjectNode mixed = Json.object();
        mixed.putArray("assetIdentifiers").add(Json.object().put("assetId", data().assetId(128)))
                .add(Json.object().put("assetId", data().assetId(126)));
        assertEquals(17558, post(NODES, mixed, "action", "associateAssetBatch", "treeId", treeId,
                "parentAssetId", root).code());
        assertEquals(3, store().assetIdsOf(treeId).size());
    }

    @Test
    void deleteNodeRemovesALeafButNotTheRootOrAParent() {
        String treeId = data().treeIdOfSite(150);
        String site = data().assetId(150);
        String device = data().assetId(151);
        String other = data().assetId(152);
        ok(post(NODES, null, "action", "move", "treeId", treeId, "assetId", other, "parentAssetId", device));

        assertEquals(17764, post(NODES, null, "action", "delete", "treeId", treeId, "assetId", site).code());
        assertEquals(17766, post(NODES, null, "action", "delete", "treeId", treeId, "assetId", device).code());
        ok(post(NODES, null, "action", "delete", "treeId", treeId, "assetId", other));

        assertFalse(store().assetIdsOf(treeId).contains(other));
        assertEquals(List.of(), store().treeIdsOf(other));
        assertTrue(enos.simulator().dataSet().assets().exists(other), "the asset itself stays");
        assertEquals(24, store().assetIdsOf(treeId).size());
    }

    @Test
    void moveReparentsANodeAfterItsNewSibling() {
        String treeId = data().treeIdOfSite(175);
        String a = data().assetId(176);
        String b = data().assetId(177);
        String c = data().assetId(178);

        ok(post(NODES, null, "action", "move", "treeId", treeId, "assetId", b, "parentAssetId", a));
        ok(post(NODES, null, "action", "move", "treeId", treeId, "assetId", c, "parentAssetId", a,
                "preAssetId", b));

        AssetTrees.Tree tree = store().view(treeId).orElseThrow();
        assertEquals(List.of(b, c), tree.children(a));
        assertEquals(treeId + ":/" + data().assetId(175) + "/" + a + "/" + c, store().pathsOf(c).get(0));
        assertEquals(99400, post(NODES, null, "action", "move", "treeId", treeId, "assetId", a,
                "parentAssetId", b).code());
    }

    @Test
    void getAssetTreeAnswersTheTreesOfEachAsset() {
        ObjectNode body = Json.object();
        body.putArray("assetIds").add(data().assetId(201)).add("nobody");
        body.putArray("projection").add("treeId").add("asset.assetId");

        JsonNode data = ok(post(NODES, body, "action", "getAssetTree")).data();

        assertNull(data.get("nobody"));
        JsonNode tree = data.get(data().assetId(201)).get(0);
        assertEquals(data().treeIdOfSite(200), tree.get("treeId").asText());
        assertEquals(data().assetId(200), tree.get("asset").get("assetId").asText());
        assertNull(tree.get("tags"));
        assertEquals(99400, post(NODES, Json.object(), "action", "getAssetTree").code());
    }

    @Test
    void searchRelatedAssetFollowsTheTreeRelations() {
        String treeId = data().treeIdOfSite(225);
        String site = data().assetId(225);
        String device = data().assetId(230);

        JsonNode parent = ok(post(NODES, Json.object().set("filter", Json.object().put("isParentOfAssetId", device)),
                "action", "searchRelatedAsset", "treeId", treeId)).data();
        assertEquals(List.of(site), SearchAssetTest.ids(parent));

        ObjectNode children = Json.object();
        children.putObject("filter").put("isChildOfAssetId", site).putArray("modelIds").add("EnOS_Meter");
        JsonNode meters = ok(post(NODES, children, "action", "searchRelatedAsset", "treeId", treeId)).data();
        assertEquals(List.of(data().assetId(249)), SearchAssetTest.ids(meters));

        SimClient.Answer descendants = ok(post(NODES, Json.object().set("filter",
                Json.object().put("isDescendantOfAssetId", site)), "action", "searchRelatedAsset", "treeId", treeId));
        assertEquals(24, descendants.body().get("pagination").get("totalSize").asInt());
        assertEquals(17404, post(NODES, Json.object(), "action", "searchRelatedAsset", "treeId", "trNone").code());
    }

    @Test
    void assetPathsRunFromTheRootToEachLeaf() {
        String treeId = data().treeIdOfSite(0);
        ObjectNode body = Json.object();
        body.putObject("pagination").put("pageNo", 1).put("pageSize", 5);

        SimClient.Answer answer = ok(post(PATHS, body, "action", "search", "treeId", treeId));

        assertEquals(24, answer.body().get("pagination").get("totalSize").asInt());
        JsonNode paths = answer.data().get("assetPaths");
        assertEquals(5, paths.size());
        assertEquals(Json.array().add(data().assetId(0)).add(data().assetId(1)), paths.get(0));
        assertEquals(6, answer.data().get("assets").size());
    }

    @Test
    void assetPathsToAModelWithEndNodesOnlyAndProjection() {
        String treeId = data().treeIdOfSite(0);
        ObjectNode body = Json.object().put("pathProjection", "END_NODE_ONLY");
        body.putObject("to").putArray("modelIds").add("EnOS_Meter");
        body.putArray("projection").add("assetPaths");

        SimClient.Answer answer = ok(post(PATHS, body, "action", "search", "treeId", treeId));

        assertEquals(Json.array().add(Json.array().add(data().assetId(0)).add(data().assetId(24))),
                answer.data().get("assetPaths"));
        assertNull(answer.data().get("assets"));
        assertEquals(99400, post(PATHS, Json.object().put("pathProjection", "SOME"), "action", "search",
                "treeId", treeId).code());
    }
}
