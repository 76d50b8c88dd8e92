package io.camelenos.app;

import static io.camelenos.app.TestUsers.asWriter;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Prometheus metrics: the update API's counters and Camel's route metrics. */
@QuarkusTest
class MetricsTest {

    @Test
    void updateApiCountsRequestsAndErrorsByReason() {
        asWriter().contentType("application/json").body("{\"nothing\": 1}")
                .when().patch("/api/assets/{id}", "x").then().statusCode(400);

        String metrics = given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        assertThat(metrics,
                matchesPattern("(?s).*\\ncamelenos_asset_update_requests_total(\\{[^}]*})? [1-9][0-9.E]*\\n.*"));
        assertThat(metrics,
                matchesPattern("(?s).*\\ncamelenos_asset_update_errors_total\\{[^}]*reason=\"invalid_input\"[^}]*} [1-9][0-9.E]*\\n.*"));
        // Camel's own metrics of the update route
        assertThat(metrics, containsString("routeId=\"asset-update\""));
    }
}
