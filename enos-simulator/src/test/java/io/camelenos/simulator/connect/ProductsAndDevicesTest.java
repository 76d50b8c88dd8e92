package io.camelenos.simulator.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.camelenos.simulator.connect.ConnectTestSupport.DEVICES;
import static io.camelenos.simulator.connect.ConnectTestSupport.PRODUCTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductsAndDevicesTest {

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(200));

    private ConnectTestSupport t() {
        return new ConnectTestSupport(enos.simulator());
    }

    private static ObjectNode pagination(int pageNo, int pageSize) {
        ObjectNode body = Json.object();
        body.putObject("pagination").put("pageNo", pageNo).put("pageSize", pageSize);
        return body;
    }

    // ---- products ----

    @Test
    void createProductReturnsAKeyThatGetAnswers() {
        ConnectTestSupport t = t();
        String key = t.createProduct("EnOS_Wind_Turbine", "Device", true);

        JsonNode product = t.ok(t.get(PRODUCTS, "get", "productKey", key));

        assertEquals(key, product.get("productKey").asText());
        assertEquals("EnOS_Wind_Turbine", product.get("modelId").asText());
        assertEquals("Test EnOS_Wind_Turbine", product.get("productName").get("defaultValue").asText());
        assertEquals("Device", product.get("productType").asText());
        assertTrue(product.get("biDirectionalAuth").asBoolean());
        assertFalse(product.get("productSecret").asText().isEmpty());
    }

    @Test
    void createProductWithUnknownModelFails11699() {
        ConnectTestSupport t = t();
        ObjectNode body = Json.object().put("modelId", "NoSuchModel").put("dataFormat", "Json")
                .put("productType", "Device").put("biDirectionalAuth", false).put("productName", "x");

        assertEquals(11699, t.post(PRODUCTS, "create", body).code());
    }

    @Test
    void createProductWithoutNameFails99400() {
        ConnectTestSupport t = t();
        ObjectNode body = Json.object().put("modelId", "EnOS_Meter").put("dataFormat", "Json")
                .put("productType", "Device").put("biDirectionalAuth", false);

        SimClient.Answer answer = t.post(PRODUCTS, "create", body);

        assertEquals(99400, answer.code());
        assertTrue(answer.body().get("msg").asText().contains("productName"));
    }

    @Test
    void unknownProductFails11611OnGetAnd11651OnUpdate() {
        ConnectTestSupport t = t();
        assertEquals(11611, t.get(PRODUCTS, "get", "productKey", "nope").code());
        assertEquals(11651, t.post(PRODUCTS, "update", Json.object().put("productDesc", "x"), "productKey", "nope").code());
    }

    @Test
    void generatedProductsAreOnePerDeviceModelAndSearchableByModelWithProjection() {
        ConnectTestSupport t = t();
        ObjectNode body = pagination(1, 200).put("expression", "modelId = 'EnOS_Meter' and productTags.fleet = 'generated'");
        body.putArray("projection").add("productKey").add("productType");

        SimClient.Answer answer = t.post(PRODUCTS, "search", body);

        JsonNode data = t.ok(answer);
        assertTrue(data.size() >= 1);
        for (JsonNode p : data) {
            assertEquals(2, p.size(), p.toString());
            assertEquals("Gateway", p.get("productType").asText());
        }
        assertTrue(containsKey(data, t.data().productKeyOf(24)));
    }

    @Test
    void searchProductsDefaultsToTenAndRefusesPagesOver200AndSorters() {
        ConnectTestSupport t = t();
        for (int i = 0; i < 9; i++) {
            t.createProduct("EnOS_Meter", "Device", false);
        }
        SimClient.Answer first = t.post(PRODUCTS, "search", Json.object());
        assertEquals(10, t.ok(first).size());
        assertEquals(10, first.body().get("pagination").get("pageSize").asInt());
        assertTrue(first.body().get("pagination").get("totalSize").asInt() >= 12);

        assertEquals(99400, t.post(PRODUCTS, "search", pagination(1, 201)).code());
        ObjectNode sorted = pagination(1, 10);
        ((ObjectNode) sorted.get("pagination")).putArray("sorters").addObject().put("field", "productKey");
        assertEquals(99400, t.post(PRODUCTS, "search", sorted).code());
    }

    @Test
    void updateProductChangesFieldsButNotTheModel() {
        ConnectTestSupport t = t();
        String key = t.createProduct("EnOS_Meter", "Device", false);
        ObjectNode change = Json.object().put("productDesc", "renamed").put("biDirectionalAuth", true);
        change.set("productName", DataSet.i18n("Renamed", "改名"));

        t.ok(t.post(PRODUCTS, "update", change, "productKey", key));

        JsonNode product = t.ok(t.get(PRODUCTS, "get", "productKey", key));
        assertEquals("Renamed", product.get("productName").get("defaultValue").asText());
        assertEquals("renamed", product.get("productDesc").asText());
        assertTrue(product.get("biDirectionalAuth").asBoolean());
        assertEquals(99400, t.post(PRODUCTS, "update", Json.object().put("modelId", "EnOS_Wind_Turbine"),
                "productKey", key).code());
    }

    @Test
    void deleteProductIsRefusedWhileItHasDevicesAndWorksWhenEmpty() {
        ConnectTestSupport t = t();
        assertEquals(99400, t.post(PRODUCTS, "delete", null, "productKey", t.data().productKeyOf(1)).code());
        String key = t.createProduct("EnOS_Meter", "Device", false);

        t.ok(t.post(PRODUCTS, "delete", null, "productKey", key));

        assertEquals(11611, t.get(PRODUCTS, "get", "productKey", key).code());
    }

    // ---- devices ----

    @Test
    void everyGeneratedDeviceAssetIsADeviceReachableByAssetIdOrKeys() {
        ConnectTestSupport t = t();
        DataSet data = t.data();
        String assetId = data.assetId(3);

        JsonNode byId = t.ok(t.get(DEVICES, "get", "assetId", assetId));
        JsonNode byKeys = t.ok(t.get(DEVICES, "get", "productKey", data.productKeyOf(3), "deviceKey", data.deviceKeyOf(3)));

        assertEquals(byId, byKeys);
        assertEquals(assetId, byId.get("assetId").asText());
        assertEquals("EnOS_Wind_Turbine", byId.get("modelId").asText());
        assertEquals(data.productKeyOf(3), byId.get("productKey").asText());
        assertEquals(data.deviceKeyOf(3), byId.get("deviceKey").asText());
        assertEquals(data.timezoneOf(3), byId.get("timezone").asText());
        assertTrue(byId.get("deviceAttributes").has("ratedPower"));
        assertTrue(Set.of("online", "offline", "inactive").contains(byId.get("status").asText()));
        assertEquals(99404, t.get(DEVICES, "get", "assetId", data.assetId(0)).code(), "a site is not a device");
        assertEquals(99400, t.get(DEVICES, "get").code());
    }

    @Test
    void createDeviceReturnsCredentialsAndTheDeviceIsAnAsset() {
        ConnectTestSupport t = t();
        String productKey = t.data().productKeyOf(1);

        JsonNode created = t.ok(t.post(DEVICES, "create", ConnectTestSupport.deviceBody(productKey, "new-wtg-1", "New WTG")));

        assertEquals(productKey, created.get("productKey").asText());
        assertEquals("new-wtg-1", created.get("deviceKey").asText());
        assertFalse(created.get("deviceSecret").asText().isEmpty());
        String assetId = created.get("assetId").asText();
        JsonNode asset = t.ok(t.client.get("/asset-service/v2.1/assets", Map.of("action", "get", "assetId", assetId)));
        assertEquals("EnOS_Wind_Turbine", asset.get("modelId").asText());
        assertEquals("New WTG", asset.get("name").get("defaultValue").asText());
        JsonNode device = t.ok(t.get(DEVICES, "get", "productKey", productKey, "deviceKey", "new-wtg-1"));
        assertEquals("inactive", device.get("status").asText());
        assertEquals(created.get("deviceSecret").asText(), device.get("deviceSecret").asText());
    }

    @Test
    void createDeviceWithTakenKeyFails11702() {
        ConnectTestSupport t = t();
        String productKey = t.data().productKeyOf(1);

        SimClient.Answer answer = t.post(DEVICES, "create",
                ConnectTestSupport.deviceBody(productKey, t.data().deviceKeyOf(1), "dup"));

        assertEquals(11702, answer.code());
    }

    @Test
    void createDeviceWithoutKeyGetsAGeneratedOne() {
        ConnectTestSupport t = t();
        String productKey = t.createProduct("EnOS_Meter", "Device", false);

        JsonNode a = t.ok(t.post(DEVICES, "create", ConnectTestSupport.deviceBody(productKey, null, "m1")));
        JsonNode b = t.ok(t.post(DEVICES, "create", ConnectTestSupport.deviceBody(productKey, null, "m2")));

        assertFalse(a.get("deviceKey").asText().isEmpty());
        assertNotEquals(a.get("deviceKey").asText(), b.get("deviceKey").asText());
    }

    @Test
    void moreThan10000DevicesInAProductFail11739() {
        ConnectTestSupport t = t();
        String productKey = t.createProduct("EnOS_Meter", "Device", false);
        for (int batch = 0; batch < 10; batch++) {
            ObjectNode body = Json.object();
            ArrayNode list = body.putArray("deviceList");
            for (int i = 0; i < 1000; i++) {
                list.add(ConnectTestSupport.deviceBody(productKey, "k" + batch + "-" + i, "d"));
            }
            SimClient.Answer answer = t.post(DEVICES, "batchCreate", body);
            assertEquals(0, answer.code(), answer.body().path("msg").asText());
            assertEquals(1000, answer.body().get("successSize").asInt());
        }

        SimClient.Answer over = t.post(DEVICES, "create", ConnectTestSupport.deviceBody(productKey, "one-more", "d"));

        assertEquals(11739, over.code());
    }

    @Test
    void batchCreateAnswersOneResultPerDevice() {
        ConnectTestSupport t = t();
        String productKey = t.data().productKeyOf(26);
        ObjectNode body = Json.object();
        body.putArray("deviceList")
                .add(ConnectTestSupport.deviceBody(productKey, "batch-ok", "ok"))
                .add(ConnectTestSupport.deviceBody(productKey, t.data().deviceKeyOf(26), "taken"));

        SimClient.Answer answer = t.post(DEVICES, "batchCreate", body);

        assertEquals(206, answer.code());
        assertEquals(1, answer.body().get("successSize").asInt());
        assertEquals(2, answer.body().get("totalSize").asInt());
        JsonNode items = answer.data();
        assertEquals(0, items.get(0).get("code").asInt());
        assertEquals("batch-ok", items.get(0).get("data").get("deviceKey").asText());
        assertEquals(11702, items.get(1).get("code").asInt());
    }

    @Test
    void searchDevicesPagesNewestFirstOverTheWholeFleet() {
        ConnectTestSupport t = t();
        SimClient.Answer first = t.post(DEVICES, "search", Json.object());
        JsonNode page1 = t.ok(first);
        JsonNode pagination = first.body().get("pagination");
        assertEquals(10, page1.size());
        assertEquals("createTime", pagination.get("sortedBy").get(0).get("field").asText());
        assertEquals("DESC", pagination.get("sortedBy").get(0).get("order").asText());
        int total = pagination.get("totalSize").asInt();
        assertTrue(total >= 192, "192 generated devices and those created by other tests: " + total);

        Set<String> seen = new HashSet<>();
        long lastTime = Long.MAX_VALUE;
        int pages = (total + 199) / 200;
        for (int p = 1; p <= pages; p++) {
            for (JsonNode d : t.ok(t.post(DEVICES, "search", pagination(p, 200)))) {
                assertTrue(seen.add(d.get("assetId").asText()));
                assertTrue(d.get("createTime").asLong() <= lastTime);
                lastTime = d.get("createTime").asLong();
            }
        }
        assertTrue(seen.size() >= total - 5, "pages cover the fleet: " + seen.size() + " of " + total);
    }

    @Test
    void searchDevicesRefusesPageSizeOver200AndSorters() {
        ConnectTestSupport t = t();
        assertEquals(99400, t.post(DEVICES, "search", pagination(1, 201)).code());
        ObjectNode sorted = pagination(1, 10);
        ((ObjectNode) sorted.get("pagination")).putArray("sorters").addObject().put("field", "createTime");
        assertEquals(99400, t.post(DEVICES, "search", sorted).code());
    }

    @Test
    void searchDevicesFiltersByTheDocumentedFieldsAndProjects() {
        ConnectTestSupport t = t();
        DataSet data = t.data();
        ObjectNode body = pagination(1, 200).put("expression",
                "productKey = '" + data.productKeyOf(26) + "' and deviceName.en_US like 'INV-S0002'");
        body.putArray("projection").add("assetId").add("deviceName").add("productKey");

        JsonNode found = t.ok(t.post(DEVICES, "search", body));

        assertEquals(23, found.size(), "the inverters of the second site");
        for (JsonNode d : found) {
            assertEquals(3, d.size());
            assertEquals(data.productKeyOf(26), d.get("productKey").asText());
        }
        JsonNode one = t.ok(t.post(DEVICES, "search",
                Json.object().put("expression", "assetId in ('" + data.assetId(5) + "', '" + data.assetId(6) + "')")));
        assertEquals(2, one.size());
        JsonNode gateways = t.ok(t.post(DEVICES, "search", pagination(1, 200).put("expression", "productType = 'Gateway'")));
        assertTrue(gateways.size() >= 8);
        gateways.forEach(g -> assertEquals("EnOS_Meter", g.get("modelId").asText()));
        assertEquals(99400, t.post(DEVICES, "search", Json.object().put("expression", "orgId = 'x'")).code());
    }

    @Test
    void searchDevicesByStatus() {
        ConnectTestSupport t = t();
        SimClient.Answer online = t.post(DEVICES, "search", pagination(1, 200).put("expression", "status = 'online'"));
        SimClient.Answer offline = t.post(DEVICES, "search", pagination(1, 200).put("expression", "status = 'offline'"));

        t.ok(online).forEach(d -> assertEquals("online", d.get("status").asText()));
        t.ok(offline).forEach(d -> assertEquals("offline", d.get("status").asText()));
        assertTrue(online.body().get("pagination").get("totalSize").asInt()
                > offline.body().get("pagination").get("totalSize").asInt());
    }

    @Test
    void updateDeviceChangesItsAsset() {
        ConnectTestSupport t = t();
        String assetId = t.data().assetId(7);
        ObjectNode change = Json.object().put("deviceDesc", "serviced");
        change.set("deviceName", DataSet.i18n("WTG seven", "七号风机"));
        change.set("deviceAttributes", Json.object().put("hubHeight", 120));
        change.set("deviceTags", Json.object().put("crew", "B"));

        t.ok(t.post(DEVICES, "update", change, "assetId", assetId));

        JsonNode device = t.ok(t.get(DEVICES, "get", "assetId", assetId));
        assertEquals("WTG seven", device.get("deviceName").get("defaultValue").asText());
        assertEquals("serviced", device.get("deviceDesc").asText());
        assertEquals(120, device.get("deviceAttributes").get("hubHeight").asInt());
        assertTrue(device.get("deviceAttributes").has("ratedPower"), "attributes merge");
        assertEquals(Json.object().put("crew", "B"), device.get("deviceTags"));
    }

    @Test
    void deleteDeviceDeletesItsAsset() {
        ConnectTestSupport t = t();
        String productKey = t.data().productKeyOf(1);
        String assetId = t.ok(t.post(DEVICES, "create", ConnectTestSupport.deviceBody(productKey, "to-delete", "x")))
                .get("assetId").asText();

        t.ok(t.post(DEVICES, "delete", null, "productKey", productKey, "deviceKey", "to-delete"));

        assertEquals(99404, t.get(DEVICES, "get", "assetId", assetId).code());
        assertEquals(99404, t.client.get("/asset-service/v2.1/assets", Map.of("action", "get", "assetId", assetId)).code());
    }

    @Test
    void disableAndEnableFail11794WhenAlreadyInThatState() {
        ConnectTestSupport t = t();
        String assetId = t.data().assetId(9);

        assertEquals(11794, t.post(DEVICES, "enable", null, "assetId", assetId).code());
        t.ok(t.post(DEVICES, "disable", null, "assetId", assetId));
        assertEquals("disable", t.ok(t.get(DEVICES, "get", "assetId", assetId)).get("status").asText());
        assertEquals(11794, t.post(DEVICES, "disable", null, "assetId", assetId).code());
        t.ok(t.post(DEVICES, "enable", null, "assetId", assetId));
        assertNotEquals("disable", t.ok(t.get(DEVICES, "get", "assetId", assetId)).get("status").asText());
    }

    @Test
    void replaceDeviceChangesTheKeyAndRefusesTheSameOrATakenKey() {
        ConnectTestSupport t = t();
        DataSet data = t.data();
        String productKey = data.productKeyOf(10);
        String oldKey = data.deviceKeyOf(10);

        assertEquals(11704, t.post(DEVICES, "replaceDevice", Json.object().put("newDeviceKey", oldKey),
                "assetId", data.assetId(10)).code());
        assertEquals(11702, t.post(DEVICES, "replaceDevice", Json.object().put("newDeviceKey", data.deviceKeyOf(11)),
                "assetId", data.assetId(10)).code());
        assertEquals(99400, t.post(DEVICES, "replaceDevice", Json.object().put("newDeviceKey", "abc"),
                "assetId", data.assetId(10)).code(), "shorter than 4");
        assertEquals(99400, t.post(DEVICES, "replaceDevice", Json.object().put("newDeviceKey", "has space"),
                "assetId", data.assetId(10)).code());
        String oldSecret = t.ok(t.get(DEVICES, "get", "assetId", data.assetId(10))).get("deviceSecret").asText();
        JsonNode replaced = t.ok(t.post(DEVICES, "replaceDevice", Json.object().put("newDeviceKey", "replaced-10"),
                "productKey", productKey, "deviceKey", oldKey));

        assertEquals(data.assetId(10), replaced.get("assetId").asText());
        assertEquals(productKey, replaced.get("productKey").asText());
        assertEquals("replaced-10", replaced.get("deviceKey").asText());
        assertNotEquals(oldSecret, replaced.get("deviceSecret").asText(), "a new secret");
        JsonNode device = t.ok(t.get(DEVICES, "get", "assetId", data.assetId(10)));
        assertEquals("inactive", device.get("status").asText(), "reset to not activated");
        assertEquals(replaced.get("deviceSecret").asText(), device.get("deviceSecret").asText());

        assertEquals(data.assetId(10), t.ok(t.get(DEVICES, "get", "productKey", productKey, "deviceKey", "replaced-10"))
                .get("assetId").asText());
        assertEquals(99404, t.get(DEVICES, "get", "productKey", productKey, "deviceKey", oldKey).code());
    }

    @Test
    void getStatsCountsDevicesByStatus() {
        ConnectTestSupport t = t();
        String productKey = t.data().productKeyOf(26);

        JsonNode stats = t.ok(t.get(DEVICES, "getStats", "productKey", productKey));

        assertEquals(stats.get("totalCount").asLong(), stats.get("onlineCount").asLong()
                + stats.get("offlineCount").asLong() + stats.get("inactiveCount").asLong()
                + stats.get("disabledCount").asLong());
        assertTrue(stats.get("totalCount").asLong() >= 4 * 23, "inverters of four solar sites");
        JsonNode all = t.ok(t.get(DEVICES, "getStats"));
        assertTrue(all.get("totalCount").asLong() >= 192);
    }

    private static boolean containsKey(JsonNode products, String key) {
        for (JsonNode p : products) {
            if (p.get("productKey").asText().equals(key)) {
                return true;
            }
        }
        return false;
    }
}
