package io.camelenos.simulator.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelenos.simulator.connect.ConnectTestSupport.DEVICES;
import static io.camelenos.simulator.connect.ConnectTestSupport.PRODUCTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A million-asset fleet: devices and products are derived on demand, and unfiltered pages are cut by position. */
class LargeFleetTest {

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(1_000_000));

    @Test
    void aDeepDevicePageOfAMillionAssetFleetIsCutWithoutAScan() {
        ConnectTestSupport t = new ConnectTestSupport(enos.simulator());
        ObjectNode body = Json.object();
        body.putObject("pagination").put("pageNo", 4000).put("pageSize", 200);

        long started = System.nanoTime();
        SimClient.Answer answer = t.post(DEVICES, "search", body);
        long millis = (System.nanoTime() - started) / 1_000_000;

        JsonNode page = t.ok(answer);
        assertEquals(960_000, answer.body().get("pagination").get("totalSize").asInt());
        assertEquals(200, page.size());
        int rank = 960_000 - 1 - 3999 * 200;
        int index = (rank / 24) * 25 + 1 + rank % 24;
        assertEquals(enos.simulator().dataSet().assetId(index), page.get(0).get("assetId").asText());
        assertTrue(millis < 3000, "took " + millis + " ms");
    }

    @Test
    void productsOfAMillionAssetFleetAreThreePerRunOf400Sites() {
        ConnectTestSupport t = new ConnectTestSupport(enos.simulator());
        ObjectNode body = Json.object();
        body.putObject("pagination").put("pageSize", 200);

        SimClient.Answer answer = t.post(PRODUCTS, "search", body);

        t.ok(answer);
        assertEquals(300, answer.body().get("pagination").get("totalSize").asInt());
        String last = enos.simulator().dataSet().productKeyOf(999_999 - DataSet.BLOCK + 1 + 1);
        assertEquals(last, t.ok(t.get(PRODUCTS, "get", "productKey", last)).get("productKey").asText());
    }
}
