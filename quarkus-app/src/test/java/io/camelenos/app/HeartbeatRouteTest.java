package io.camelenos.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HeartbeatRouteTest {

    @Inject
    CamelContext camelContext;

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void readinessIsUpAndIncludesCamel() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("context"));
    }

    @Test
    void heartbeatRouteIsStartedAndFires() {
        assertEquals(ServiceStatus.Started, camelContext.getStatus());
        assertEquals(ServiceStatus.Started,
                camelContext.getRouteController().getRouteStatus(HeartbeatRoute.ROUTE_ID));

        // The test profile runs the timer every 100 ms: three completed exchanges prove it really runs.
        NotifyBuilder notify = new NotifyBuilder(camelContext).fromRoute(HeartbeatRoute.ROUTE_ID).whenDone(3).create();
        assertTrue(notify.matches(10, TimeUnit.SECONDS), "heartbeat route did not complete 3 exchanges within 10 s");
    }
}
