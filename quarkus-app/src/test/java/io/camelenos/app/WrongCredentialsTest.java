package io.camelenos.app;

import static io.camelenos.app.TestUsers.asWriter;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The app started with a wrong app secret: not ready, with the token service's refusal as the reason. */
@QuarkusTest
@TestProfile(WrongCredentialsTest.WrongSecret.class)
class WrongCredentialsTest {

    public static class WrongSecret implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EnosEmulatorResource.class, Map.of("appSecret", "wrong")));
        }
    }

    @Test
    void notReadyWithTheRefusalAsReason() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'EnOS gateway' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'EnOS gateway' }.data.reason",
                        containsString("EnOS refused the app credentials"))
                // classified by the component's producer check
                .body("checks.find { it.name == 'EnOS gateway' }.data.cause", equalTo("AUTH_REFUSED"))
                // the emulator's token service: 1003 = wrong encryption (the secret signs it)
                .body("checks.find { it.name == 'EnOS gateway' }.data.reason", containsString("1003"))
                .body(not(containsString("not-the-app-secret")));
    }

    @Test
    void updateApiAnswersTheAuthFailureAsBadGateway() {
        asWriter().contentType("application/json").body("{\"tags\": {\"a\": \"b\"}}")
                .when().patch("/api/assets/{id}", "any-asset")
                .then().statusCode(502)
                .body("enosCode", equalTo(1003));
    }
}
