package io.camelenos.component;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.wire.Envelope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Authorization header as enos:api/call sends it with its userAuth option: none by default, the app's own
 * access token as a bearer (APP_TOKEN, the header the Data Federation and Stream docs list), or the user's login.
 */
class EnosUserAuthTest extends EnosUserTestSupport {

    private static final String HEADERS = "/test-service/v2.1/headers";
    private static final String ECHO = "api/call?service=test-service&version=v2.1&path=headers&method=GET"
                                       + "&action=get";

    /** headers?action=get answers the Authorization and apim-accesstoken headers it received. */
    @BeforeAll
    static void serveHeaders() {
        sim.router().path(HEADERS, Envelope.DM).action("get", "GET", EnosUserAuthTest::headers);
    }

    private static Object headers(SimRequest request) {
        return MAPPER.createObjectNode().put("authorization", request.header("authorization"))
                .put("token", request.header("apim-accesstoken"));
    }

    @Test
    void noAuthorizationIsSentByDefault() {
        JsonNode seen = call(ECHO);

        assertTrue(seen.path("authorization").isNull(), seen.toString());
        assertFalse(seen.path("token").asText().isEmpty());
    }

    @Test
    void appTokenSendsTheAppsAccessTokenAsABearer() {
        JsonNode seen = call(ECHO + "&userAuth=APP_TOKEN");

        assertEquals("Bearer " + seen.path("token").asText(), seen.path("authorization").asText());
    }

    @Test
    void appTokenReachesTheStreamService() {
        JsonNode pipelines = call("api/call?service=streaming&version=v2.0&path=streaming/pipelines&method=GET"
                                  + "&userAuth=APP_TOKEN");

        assertTrue(pipelines.toString().contains("pl-wind-power"), pipelines.toString());
    }

    @Test
    void portalLogsInAndSendsTheUsersAccessToken() {
        JsonNode seen = call(ECHO + "&userAuth=PORTAL");
        assertTrue(seen.path("authorization").asText().startsWith("Bearer APP_PORTAL_S_"), seen.toString());

        JsonNode user = call("api/call?service=app-portal-service&version=v2.0&path=user/info&method=GET"
                             + "&envelope=PORTAL&userAuth=PORTAL");
        assertEquals(ADMIN_ACCOUNT, user.path("email").asText());
    }
}
