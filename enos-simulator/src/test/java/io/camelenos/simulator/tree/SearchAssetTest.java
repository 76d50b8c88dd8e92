package io.camelenos.simulator.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** searchAsset: the asset search of EnOS, on an emulator of 2,510 assets (101 sites, the last one short). */
class SearchAssetTest {

    static final int ASSETS = 2510;
    private static final String NODES = "/asset-tree-service/v2.1/asset-nodes";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(ASSETS));

    private static SimClient.Answer search(ObjectNode body) {
        return new SimClient(enos.simulator()).post(NODES, Map.of("action", "searchAsset"), body);
    }

    private static ObjectNode page(int pageNo, int pageSize) {
        ObjectNode body = Json.object();
        body.putObject("pagination").put("pageNo", pageNo).put("pageSize", pageSize);
        return body;
    }

    private static ObjectNode expression(String expression) {
        return page(1, 1000).put("expression", expression);
    }

    private static SimClient.Answer ok(SimClient.Answer answer) {
        assertEquals(0, answer.code(), answer.body().toString());
        return answer;
    }

    private static DataSet data() {
        return enos.simulator().dataSet();
    }

    @Test
    void emptySearchCountsEveryAssetOfTheOrgAndAnswersTheFirst100() {
        SimClient.Answer answer = ok(search(Json.object()));

        assertEquals(ASSETS, answer.body().get("pagination").get("totalSize").asLong());
        assertEquals(100, answer.body().get("pagination").get("pageSize").asInt());
        assertEquals(100, answer.data().size());
        JsonNode first = answer.data().get(0);
        assertEquals(data().assetId(0), first.get("assetId").asText());
        assertEquals("EnOS_Wind_Farm", first.get("modelId").asText());
        assertEquals(data().treeIdOfSite(0), first.get("treeIds").get(0).asText());
    }

    @Test
    void pagesOf1000DrainTheFleetWithEveryAssetOnce() {
        Set<String> seen = new HashSet<>();
        for (int pageNo = 1; pageNo <= 3; pageNo++) {
            JsonNode data = ok(search(page(pageNo, 1000))).data();
            assertEquals(pageNo < 3 ? 1000 : 510, data.size());
            data.forEach(a -> seen.add(a.get("assetId").asText()));
        }
        assertEquals(ASSETS, seen.size());
        assertEquals(0, ok(search(page(4, 1000))).data().size());
    }

    @Test
    void pageSizeOver1000IsRefused() {
        SimClient.Answer answer = search(page(1, 1001));

        assertEquals(99400, answer.code());
        assertTrue(answer.body().get("msg").asText().contains("pageSize"), answer.body().toString());
    }

    @Test
    void sortersAreRefused() {
        ObjectNode body = page(1, 10);
        ((ObjectNode) body.get("pagination")).putArray("sorters").addObject().put("field", "assetId").put("order", "ASC");

        assertEquals(99400, search(body).code());
    }

    @Test
    void treeIdSelectsTheSiteAndItsDevices() {
        String treeId = data().treeIdOfSite(50);

        SimClient.Answer answer = ok(search(expression("treeId = '" + treeId + "'")));

        assertEquals(DataSet.BLOCK, answer.body().get("pagination").get("totalSize").asInt());
        assertEquals(data().assetId(50), answer.data().get(0).get("assetId").asText());
    }

    @Test
    void treeIdWithOtherConditionsAndWithOrGiveTheSameAnswersAsAScan() {
        String tree = data().treeIdOfSite(75);
        String meter = data().assetId(99);

        JsonNode and = ok(search(expression("treeId = \"" + tree + "\" and (modelId = 'EnOS_Meter')"))).data();
        assertEquals(List.of(meter), ids(and));

        JsonNode or = ok(search(expression("treeId in ('" + tree + "') or assetId = '" + data().assetId(0) + "'")))
                .body();
        assertEquals(DataSet.BLOCK + 1, or.get("pagination").get("totalSize").asInt());

        JsonNode quoted = ok(search(expression("name like 'treeId = x' and tags.site = 'S0004'"))).body();
        assertEquals(0, quoted.get("pagination").get("totalSize").asInt());
    }

    @Test
    void onlyConjunctionsWithATreeOrAssetTermNarrowTheScan() {
        AssetTrees trees = AssetTrees.of(enos.simulator().context());
        String tree = data().treeIdOfSite(25);
        java.util.function.ToIntFunction<String> indexOf = data()::indexOf;

        assertEquals(25, AssetSearch.candidates("treeId = '" + tree + "' and exists(tags.position)", trees,
                data().assets(), indexOf).size());
        assertEquals(List.of(data().assetId(1), data().assetId(7)), AssetSearch.candidates(
                "assetIds in ('" + data().assetId(7) + "', '" + data().assetId(1) + "', 'gone')", trees,
                data().assets(), indexOf));
        assertEquals(null, AssetSearch.candidates("treeId = 'x' or modelId = 'y'", trees, data().assets(), indexOf));
        assertEquals(null, AssetSearch.candidates("assetId != 'x'", trees, data().assets(), indexOf));
        assertEquals(null, AssetSearch.candidates("name like 'assetId = x'", trees, data().assets(), indexOf));
    }

    @Test
    void assetIdInAndModelIdEqualFilter() {
        String a = data().assetId(3);
        String b = data().assetId(27);
        JsonNode byIds = ok(search(expression("assetId in ('" + a + "', '" + b + "', 'nothing')"))).data();
        assertEquals(List.of(a, b), ids(byIds));

        JsonNode meters = ok(search(expression("modelId = 'EnOS_Meter'"))).data();
        assertEquals(ASSETS / DataSet.BLOCK + 1, meters.size());
        meters.forEach(m -> assertEquals("EnOS_Meter", m.get("modelId").asText()));

        JsonNode plural = ok(search(expression("modelIds in ('EnOS_Wind_Farm', 'EnOS_Solar_Site')"))).data();
        assertEquals(data().siteCount(), plural.size());

        JsonNode meterOfS0002 = ok(search(expression("modelId = 'EnOS_Meter' and tags.site = 'S0002'"))).data();
        assertEquals(List.of(data().assetId(49)), ids(meterOfS0002));
    }

    @Test
    void rootModelIdSelectsWholeTreesOfSolarSites() {
        JsonNode page = ok(search(expression("rootModelId = 'EnOS_Solar_Site'"))).body();

        int solarSites = data().siteCount() / 2; // sites alternate wind, solar; 101 sites → 50 solar
        assertEquals(solarSites * DataSet.BLOCK, page.get("pagination").get("totalSize").asInt());
    }

    @Test
    void productAndDeviceKeysEqualAndLike() {
        String deviceKey = data().deviceKeyOf(5);
        JsonNode exact = ok(search(expression("deviceKey = '" + deviceKey + "'"))).data();
        assertEquals(List.of(data().assetId(5)), ids(exact));

        JsonNode inverters = ok(search(expression("productKey like 'INV%'"))).data();
        assertFalse(inverters.isEmpty());
        inverters.forEach(a -> assertEquals("EnOS_Solar_Inverter", a.get("modelId").asText()));
    }

    @Test
    void attributesTagsAndCreateTime() {
        long created = DataSet.EPOCH_MILLIS + 10 * 60_000L;
        JsonNode early = ok(search(expression("createTime <= " + created))).body();
        assertEquals(11, early.get("pagination").get("totalSize").asInt());

        JsonNode envision = ok(search(expression("attributes.manufacturer = 'Envision'"))).data();
        assertFalse(envision.isEmpty());
        envision.forEach(a -> assertEquals("Envision", a.get("attributes").get("manufacturer").asText()));

        JsonNode site1 = ok(search(expression("tags.site like 'S000_' and exists(tags.position)"))).body();
        assertEquals(9 * 24, site1.get("pagination").get("totalSize").asInt());
    }

    @Test
    void nameMatchesEveryLocaleAndNameLocaleFallsBackToTheDefault() {
        JsonNode chinese = ok(search(expression("name like '风电场 S0001'"))).data();
        assertEquals(List.of(data().assetId(0)), ids(chinese));

        JsonNode english = ok(search(expression("name.en_US like 'Wind Farm S0003'"))).data();
        assertEquals(List.of(data().assetId(50)), ids(english));

        JsonNode byDefault = ok(search(expression("name.default like 'Solar Site S0002'"))).data();
        assertEquals(List.of(data().assetId(25)), ids(byDefault));

        JsonNode fallback = ok(search(expression("name.ja_JP like 'Solar Site S0002'"))).data();
        assertEquals(List.of(data().assetId(25)), ids(fallback));
    }

    @Test
    void fieldsOutsideTheApiAreRefused() {
        SimClient.Answer answer = search(expression("description like 'x'"));

        assertEquals(99400, answer.code());
        assertTrue(answer.body().get("msg").asText().contains("description"), answer.body().toString());
    }

    @Test
    void projectionCropsEachAsset() {
        ObjectNode body = page(1, 5);
        body.putArray("projection").add("assetId").add("name.defaultValue");

        JsonNode first = ok(search(body)).data().get(0);

        assertEquals(Set.of("assetId", "name"), fieldNames(first));
        assertEquals(Set.of("defaultValue"), fieldNames(first.get("name")));
    }

    @Test
    void legacyFilterByModelIdsAndTags() {
        ObjectNode body = page(1, 1000);
        ObjectNode filter = body.putObject("filter");
        filter.putArray("modelIds").add("EnOS_Meter");
        filter.putObject("tags").put("site", "S0002");

        JsonNode data = ok(search(body)).data();

        assertEquals(List.of(data().assetId(49)), ids(data));
    }

    @Test
    void searchAssetV2AnswersLikeSearchAsset() {
        SimClient.Answer answer = ok(new SimClient(enos.simulator()).post(NODES, Map.of("action", "searchAssetV2"),
                page(2, 10)));

        assertEquals(data().assetId(10), answer.data().get(0).get("assetId").asText());
        assertEquals(ASSETS, answer.body().get("pagination").get("totalSize").asInt());
    }

    static List<String> ids(JsonNode assets) {
        List<String> ids = new ArrayList<>();
        assets.forEach(a -> ids.add(a.get("assetId").asText()));
        return ids;
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
