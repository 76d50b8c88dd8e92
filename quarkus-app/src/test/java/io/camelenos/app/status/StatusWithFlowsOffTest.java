package io.camelenos.app.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The app's test defaults: every flow turned off, which the status still lists, as {@code off}. */
@QuarkusTest
class StatusWithFlowsOffTest {

    @Test
    void flowsTurnedOffAreListedAsOff() {
        given().when().get("/api/status").then().statusCode(200)
                .body("flows", hasSize(3))
                .body("flows.state", everyItem(equalTo("off")))
                .body("flows.enabled", everyItem(equalTo(false)))
                .body("flows.lastPoll", everyItem(equalTo(null)))
                .body("alerts.active", equalTo(0));
    }
}
