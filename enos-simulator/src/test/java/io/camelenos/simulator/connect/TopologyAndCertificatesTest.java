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

import java.time.Duration;

import static io.camelenos.simulator.connect.ConnectTestSupport.CERTS;
import static io.camelenos.simulator.connect.ConnectTestSupport.DEVICES;
import static io.camelenos.simulator.connect.ConnectTestSupport.TOPOS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopologyAndCertificatesTest {

    /** A PEM-framed CSR, different for each tag (one CSR may be bound to one device only). */
    private static String csr(String tag) {
        return "-----BEGIN NEW CERTIFICATE REQUEST-----\nMIICpzCCAY8CAQAw" + tag + "\n"
                + "-----END NEW CERTIFICATE REQUEST-----\n";
    }

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(100));

    private ConnectTestSupport t() {
        return new ConnectTestSupport(enos.simulator());
    }

    private static ObjectNode id(String assetId) {
        return Json.object().put("assetId", assetId);
    }

    private static ObjectNode topo(String gateway, String... subs) {
        ObjectNode body = Json.object();
        body.set("gateway", id(gateway));
        ArrayNode list = body.putArray("subDevices");
        for (String s : subs) {
            list.add(id(s));
        }
        return body;
    }

    // ---- topology ----

    @Test
    void eachSiteMeterIsTheGatewayOfTheSiteDevices() {
        ConnectTestSupport t = t();
        DataSet data = t.data();
        ObjectNode body = Json.object();
        body.set("subDevice", Json.object().put("productKey", data.productKeyOf(30)).put("deviceKey", data.deviceKeyOf(30)));

        JsonNode gateway = t.ok(t.post(TOPOS, "getGateway", body));

        assertEquals(data.assetId(49), gateway.get("assetId").asText());
        assertEquals("Gateway", gateway.get("productType").asText());
        ObjectNode search = Json.object();
        search.set("gateway", id(data.assetId(49)));
        search.putObject("pagination").put("pageSize", 200);
        SimClient.Answer subs = t.post(TOPOS, "searchSubDevice", search);
        assertEquals(23, subs.body().get("pagination").get("totalSize").asInt());
        assertEquals(10, t.ok(t.post(TOPOS, "searchSubDevice", Json.object().set("gateway", id(data.assetId(49)))))
                .size(), "default page of 10");
        ObjectNode meter = Json.object();
        meter.set("subDevice", id(data.assetId(49)));
        assertTrue(t.ok(t.post(TOPOS, "getGateway", meter)).isNull(), "a gateway has no gateway");
    }

    @Test
    void addAndRemoveSubDevicesMoveDevicesBetweenGateways() {
        ConnectTestSupport t = t();
        DataSet data = t.data();
        String gatewayA = data.assetId(24);
        String gatewayB = data.assetId(74);
        String device = data.assetId(5);

        assertEquals(99400, t.post(TOPOS, "addSubDevice", topo(gatewayB, device)).code(), "still under gateway A");
        t.ok(t.post(TOPOS, "removeSubDevice", topo(gatewayA, device)));
        t.ok(t.post(TOPOS, "addSubDevice", topo(gatewayB, device)));

        ObjectNode body = Json.object();
        body.set("subDevice", id(device));
        assertEquals(gatewayB, t.ok(t.post(TOPOS, "getGateway", body)).get("assetId").asText());
        assertEquals(11795, t.post(TOPOS, "removeSubDevice", topo(gatewayA, device)).code());
        assertEquals(11795, t.post(TOPOS, "removeSubDevice", topo(gatewayA, "zz00000000")).code());
    }

    @Test
    void aDeviceThatIsNotAGatewayFails11738() {
        ConnectTestSupport t = t();
        DataSet data = t.data();

        assertEquals(11738, t.post(TOPOS, "addSubDevice", topo(data.assetId(1), data.assetId(2))).code());
        assertEquals(11738, t.post(TOPOS, "removeSubDevice", topo(data.assetId(1), data.assetId(2))).code());
        assertEquals(11738, t.post(TOPOS, "searchSubDevice", Json.object().set("gateway", id(data.assetId(1)))).code());
    }

    @Test
    void aGatewayHoldsAtMost1000SubDevices11739() {
        ConnectTestSupport t = t();
        String gatewayProduct = t.createProduct("EnOS_Meter", "Gateway", false);
        String gateway = t.ok(t.post(DEVICES, "create", ConnectTestSupport.deviceBody(gatewayProduct, "gw", "gw")))
                .get("assetId").asText();
        String product = t.createProduct("EnOS_Meter", "Device", false);
        ObjectNode batch = Json.object();
        ArrayNode list = batch.putArray("deviceList");
        for (int i = 0; i <= Topology.MAX_SUB_DEVICES; i++) {
            list.add(ConnectTestSupport.deviceBody(product, "sub" + i, "sub"));
        }
        ObjectNode add = topo(gateway);
        ArrayNode subs = (ArrayNode) add.get("subDevices");
        for (int from = 0; from <= Topology.MAX_SUB_DEVICES; from += DeviceHandlers.MAX_BATCH) {
            ObjectNode part = Json.object();
            ArrayNode items = part.putArray("deviceList");
            for (int i = from; i < Math.min(from + DeviceHandlers.MAX_BATCH, Topology.MAX_SUB_DEVICES + 1); i++) {
                items.add(list.get(i));
            }
            for (JsonNode created : t.ok(t.post(DEVICES, "batchCreate", part))) {
                subs.add(id(created.get("data").get("assetId").asText()));
            }
        }
        assertEquals(Topology.MAX_SUB_DEVICES + 1, subs.size());

        assertEquals(11739, t.post(TOPOS, "addSubDevice", add).code());

        subs.remove(0);
        t.ok(t.post(TOPOS, "addSubDevice", add));
    }

    // ---- certificates ----

    @Test
    void applyListRenewAndRevokeACertificate() {
        ConnectTestSupport t = t();
        String assetId = t.data().assetId(1); // turbine products support bi-directional authentication
        ObjectNode apply = Json.object().put("csr", csr("a")).put("validDay", 250).put("issueAuthority", "ecc");

        JsonNode issued = t.ok(t.post(CERTS, "apply", apply, "assetId", assetId));

        assertEquals("ECC", issued.get("issueAuthority").asText());
        assertTrue(issued.get("cert").asText().startsWith("-----BEGIN CERTIFICATE-----"));
        String sn = issued.get("certSN").asText();
        JsonNode listed = t.ok(t.get(CERTS, "list", "assetId", assetId));
        assertEquals(1, listed.size());
        assertEquals(0, listed.get(0).get("certStatus").asInt());
        assertEquals(250L * 86_400_000L, listed.get(0).get("expireDate").asLong() - listed.get(0).get("signDate").asLong());

        JsonNode renewed = t.ok(t.post(CERTS, "renew", Json.object().put("certSn", Long.parseLong(sn)), "assetId", assetId));
        String newSn = renewed.get("certSN").asText();
        t.ok(t.post(CERTS, "revoke", Json.object().put("certSn", newSn), "assetId", assetId));

        JsonNode after = t.ok(t.get(CERTS, "list", "assetId", assetId));
        assertEquals(2, after.size());
        after.forEach(c -> assertEquals(1, c.get("certStatus").asInt()));
        assertEquals(99400, t.post(CERTS, "renew", Json.object().put("certSn", sn), "assetId", assetId).code(),
                "a revoked certificate cannot be renewed");
    }

    @Test
    void certificatesExpireOnTheEmulatorClock() {
        ConnectTestSupport t = t();
        String assetId = t.data().assetId(2);
        String sn = t.ok(t.post(CERTS, "apply", Json.object().put("csr", csr("b")).put("validDay", 1),
                "assetId", assetId)).get("certSN").asText();

        enos.simulator().clock().advance(Duration.ofDays(2));
        t.client.forgetToken(); // the access token expired on the same clock
        try {
            JsonNode listed = t.ok(t.get(CERTS, "list", "assetId", assetId));
            assertEquals(2, listed.get(0).get("certStatus").asInt());
            assertEquals(99400, t.post(CERTS, "renew", Json.object().put("certSn", sn), "assetId", assetId).code());
        } finally {
            enos.simulator().clock().reset();
        }
    }

    @Test
    void certificateErrors() {
        ConnectTestSupport t = t();
        DataSet data = t.data();
        String turbine = data.assetId(3);
        String inverter = data.assetId(26);
        String csr = csr("c");

        assertEquals(11404, t.post(CERTS, "apply", Json.object().put("csr", csr), "assetId", "zz00000000").code());
        assertEquals(99400, t.post(CERTS, "apply", Json.object().put("csr", csr), "assetId", inverter).code(),
                "inverter products are not bi-directional");
        assertEquals(99400, t.post(CERTS, "apply", Json.object(), "assetId", turbine).code());
        assertEquals(99400, t.post(CERTS, "apply", Json.object().put("csr", "not a csr"), "assetId", turbine).code());
        assertEquals(99400, t.post(CERTS, "apply", Json.object().put("csr", csr).put("validDay", 5000),
                "assetId", turbine).code());
        assertEquals(99400, t.post(CERTS, "apply", Json.object().put("csr", csr).put("issueAuthority", "DSA"),
                "assetId", turbine).code());
        t.ok(t.post(CERTS, "apply", Json.object().put("csr", csr), "assetId", turbine));
        assertEquals(11833, t.post(CERTS, "apply", Json.object().put("csr", csr), "assetId", data.assetId(4)).code());
        assertEquals(99400, t.post(CERTS, "revoke", Json.object().put("certSn", "999999"), "assetId", turbine).code());
        assertEquals(99400, t.post(CERTS, "revoke", Json.object(), "assetId", turbine).code());
        assertEquals(99400, t.get(CERTS, "list").code());
    }
}
