package io.camelenos.component;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The asset service of the emulator, through catalogued operations. */
class EnosAssetServiceTest extends EnosTestSupport {

    @Test
    void getAssetReturnsTheAsset() {
        String id = sim.dataSet().assetId(3);

        JsonNode asset = template.requestBody("enos:asset/getAsset?assetId=" + id, (Object) null, JsonNode.class);

        assertEquals(id, asset.path("assetId").asText());
        assertEquals(sim.dataSet().modelOf(3).modelId(), asset.path("modelId").asText());
    }

    @Test
    void updatePatchesAndALaterGetSeesIt() {
        String id = sim.dataSet().assetId(4);
        Map<String, Object> change = Map.of("asset", Map.of("assetId", id, "tags", Map.of("owner", "camel")));

        template.requestBody("enos:asset/update?isPatchUpdate=true", change);
        JsonNode asset = template.requestBodyAndHeader("enos:asset/get", null, EnosConstants.ASSET_ID, id,
                JsonNode.class);

        assertEquals("camel", asset.path("tags").path("owner").asText());
        assertEquals("isPatchUpdate=true",
                requestsTo("/asset-service/v2.1/assets").get(0).query().replaceAll("^.*&(isPatchUpdate=[^&]*).*$", "$1"));
    }

    @Test
    void unknownAssetFailsWith99404() {
        assertEquals(99404, failure("enos:asset/getAsset?assetId=nope").getCode());
    }

    @Test
    void foreignOrgIdFailsWith99403() {
        String uri = "enos:asset/getAsset?orgId=o0000000000000&assetId=" + sim.dataSet().assetId(1);

        assertEquals(99403, failure(uri).getCode());
    }

    @Test
    void createdLogicalAssetIdComesBackAsAPlainString() {
        String model = sim.dataSet().modelOf(0).modelId();
        Map<String, Object> body = Map.of("assetInstance", Map.of("modelId", model, "timezone", "+08:00",
                "name", Map.of("defaultValue", "Camel site"), "attributes", Map.of("capacity", 12.5)));

        String id = template.requestBody("enos:asset/createLogicalAsset?outputType=java.lang.String", body,
                String.class);

        assertTrue(!id.isBlank() && !id.startsWith("\""), id);
        template.requestBody("enos:asset/deleteLogicalAsset?assetId=" + id, (Object) null);
        assertEquals(99404, failure("enos:asset/getAsset?assetId=" + id).getCode());
    }

    private EnosApiException failure(String uri) {
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(uri, (Object) null));
        return assertInstanceOf(EnosApiException.class, thrown.getCause());
    }
}
