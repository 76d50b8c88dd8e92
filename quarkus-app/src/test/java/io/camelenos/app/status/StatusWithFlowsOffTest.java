package io.camelenos.app.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.camelenos.app.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * With the app's test defaults (every flow turned off): the status still lists the flows, as {@code off}; and the
 * OpenAPI document describes the status endpoints.
 */
@QuarkusTest
class StatusWithFlowsOffTest {

    @Test
    void flowsTurnedOffAreListedAsOff() {
        given().when().get("/api/status").then().statusCode(401); // a gateway is configured: reads need role reader
        TestUsers.asReader().when().get("/api/status").then().statusCode(200)
                .body("flows", hasSize(3))
                .body("flows.state", everyItem(equalTo("off")))
                .body("flows.enabled", everyItem(equalTo(false)))
                .body("flows.lastPoll", everyItem(equalTo(null)))
                .body("flows.progress", everyItem(equalTo(null)));
    }

    @Test
    void theOpenApiDocumentDescribesTheStatusEndpoints() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/status'.get.summary", equalTo("The app's status"))
                .body("paths.'/api/status/telemetry'.get.summary", equalTo("The assets with telemetry in the database"))
                .body("paths.'/api/status/telemetry/{assetId}'.get.responses.'400'.description",
                        containsString("field names it"))
                .body("components.schemas.AppStatus.properties.flows.type", equalTo("array"));
    }
}
