package io.camelenos.app;

import static io.camelenos.app.TestUsers.asWriter;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.EnosSimulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/** The update API against the emulator: what reaches EnOS, and the answers for bad input and EnOS errors. */
@QuarkusTest
@WithTestResource(EnosEmulatorResource.class)
class AssetUpdateApiTest {

    @InjectEnosSimulator
    EnosSimulator enos;

    @Inject
    ProducerTemplate template;

    /** A device asset (index 0 of each block of 25 is a site), a wind turbine or an inverter: both have ratedPower. */
    private String device() {
        return enos.dataSet().assetId(1);
    }

    @Test
    void patchSendsTheTagsToEnosAndAnswersItsRequestId() {
        String assetId = device();
        asWriter().contentType(ContentType.JSON).body("{\"tags\": {\"region\": \"north-sea\"}}")
                .when().patch("/api/assets/{id}", assetId)
                .then().statusCode(200)
                .body("assetId", equalTo(assetId))
                .body("requestId", not(emptyOrNullString()));

        JsonNode asset = template.requestBody("enos:asset/get?assetId=" + assetId, null, JsonNode.class);
        assertEquals("north-sea", asset.path("tags").path("region").asText(), "tags EnOS holds after the update");
    }

    @Test
    void patchOfAnAttributeChangesOnlyThatAttribute() {
        String assetId = device();
        JsonNode before = template.requestBody("enos:asset/get?assetId=" + assetId, null, JsonNode.class);
        asWriter().contentType(ContentType.JSON).body("{\"attributes\": {\"ratedPower\": 4321.5}}")
                .when().patch("/api/assets/{id}", assetId)
                .then().statusCode(200);

        JsonNode after = template.requestBody("enos:asset/get?assetId=" + assetId, null, JsonNode.class);
        assertEquals(4321.5, after.path("attributes").path("ratedPower").asDouble(), 0.0);
        assertEquals(before.path("attributes").path("manufacturer"), after.path("attributes").path("manufacturer"));
    }

    @Test
    void attributeOfTheWrongTypeIsEnosError12958AsBadGateway() {
        asWriter().contentType(ContentType.JSON).body("{\"attributes\": {\"ratedPower\": \"very high\"}}")
                .when().patch("/api/assets/{id}", device())
                .then().statusCode(502)
                .body("enosCode", equalTo(12958))
                .body("enosMsg", containsString("ratedPower"))
                .body("requestId", not(emptyOrNullString()));
    }

    @Test
    void unknownAssetIsEnosError99404AsBadGateway() {
        asWriter().contentType(ContentType.JSON).body("{\"tags\": {\"a\": \"b\"}}")
                .when().patch("/api/assets/{id}", "no-such-asset")
                .then().statusCode(502)
                .body("enosCode", equalTo(99404));
    }

    @Test
    void tagThatIsNotAStringIsRefusedNamingTheTag() {
        asWriter().contentType(ContentType.JSON).body("{\"tags\": {\"region\": 7}}")
                .when().patch("/api/assets/{id}", device())
                .then().statusCode(400)
                .body("field", equalTo("tags.region"));
    }

    @Test
    void unknownFieldIsRefusedNamingIt() {
        asWriter().contentType(ContentType.JSON).body("{\"colour\": \"red\"}")
                .when().patch("/api/assets/{id}", device())
                .then().statusCode(400)
                .body("field", equalTo("colour"))
                .body("message", containsString("attributes"));
    }

    @Test
    void bodyThatIsNotJsonOrEmptyIsRefused() {
        asWriter().contentType(ContentType.JSON).body("{\"tags\": ")
                .when().patch("/api/assets/{id}", device())
                .then().statusCode(400)
                .body("field", equalTo("body"))
                .body("message", containsString("not valid JSON"));
        asWriter().contentType(ContentType.JSON).body("{}")
                .when().patch("/api/assets/{id}", device())
                .then().statusCode(400)
                .body("field", equalTo("body"))
                .body("message", containsString("nothing to update"));
    }

    @Test
    void attributesThatAreNotAnObjectAreRefused() {
        asWriter().contentType(ContentType.JSON).body("{\"attributes\": [1, 2]}")
                .when().put("/api/assets/{id}", device())
                .then().statusCode(400)
                .body("field", equalTo("attributes"));
    }

    @Test
    void replaceWithoutTheRequiredAttributesIsRefusedByEnos() {
        // PUT replaces the asset: EnOS wants every required attribute (ratedPower) then
        asWriter().contentType(ContentType.JSON).body("{\"attributes\": {\"manufacturer\": \"ACME\"}}")
                .when().put("/api/assets/{id}", device())
                .then().statusCode(502)
                .body("enosCode", equalTo(12958))
                .body("enosMsg", containsString("ratedPower"));
    }
}
