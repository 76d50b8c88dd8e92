package io.camelenos.simulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IamServiceTest {

    private static final String BASE = "/enos-iam-service/v2.0";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(50));

    private SimClient client() {
        return new SimClient(enos.simulator());
    }

    private static ObjectNode credentials(String principal, String password) {
        return Json.object().put("authType", 0).put("principal", principal).put("credentials", password);
    }

    private SimClient.Answer login(ObjectNode body) {
        return client().send("POST", BASE + "/login", Map.of(), body, true, Map.of());
    }

    private String sessionId() {
        SimClient.Answer answer = login(credentials("admin@sim.enos", Users.PASSWORD));
        assertEquals(0, answer.code(), answer.body().toString());
        return answer.body().get("session").get("id").asText();
    }

    private SimClient.Answer call(String path, Object body, String authorization) {
        return client().send("POST", BASE + path, Map.of(), body, true,
                authorization == null ? Map.of() : Map.of("Authorization", authorization));
    }

    @Test
    void loginAnswersASessionWithTheUserAndTheOrg() {
        SimClient.Answer answer = login(credentials("admin@sim.enos", Users.PASSWORD).put("expireInterval", 3600));

        JsonNode body = answer.body();
        assertEquals(200, answer.status());
        assertTrue(body.get("success").asBoolean());
        assertFalse(body.get("fail").asBoolean());
        JsonNode session = body.get("session");
        assertTrue(session.get("id").asText().startsWith("IAM_S_"));
        assertEquals(3600, session.get("expires").asInt());
        assertEquals(enos.simulator().orgId(), session.get("workingOrganization").get("id").asText());
        assertEquals("admin", session.get("user").get("name").asText());
        assertEquals(2, session.get("user").get("type").asInt());
    }

    @Test
    void wrongPasswordFailsWith30400() {
        SimClient.Answer answer = login(credentials("operator@sim.enos", "nope"));

        assertEquals(30400, answer.body().get("status").asInt());
        assertTrue(answer.body().get("fail").asBoolean());
        assertFalse(answer.body().has("session"));
    }

    @Test
    void missingPrincipalFailsWith30400() {
        assertEquals(30400, login(Json.object().put("authType", 0).put("credentials", "x")).code());
    }

    @Test
    void disabledAccountFailsWith30511() {
        assertEquals(30511, login(credentials("disabled@sim.enos", Users.PASSWORD)).code());
    }

    @Test
    void expiredPasswordFailsWith30410() {
        assertEquals(30410, login(credentials("expired@sim.enos", Users.PASSWORD)).code());
    }

    @Test
    void unknownLdapLinkFailsWith30404AndTheKnownOneLogsIn() {
        ObjectNode ldap = credentials("ldap.user", Users.PASSWORD).put("authType", 1).put("linkName", "other");
        assertEquals(30404, login(ldap).code());

        ldap.put("linkName", Users.LDAP_LINK);
        SimClient.Answer answer = login(ldap);
        assertEquals(0, answer.code(), answer.body().toString());
        assertEquals(1, answer.body().get("session").get("user").get("authType").asInt());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountWith30429UntilTheLockEnds() {
        ObjectNode wrong = credentials("ldap.user", "bad").put("authType", 1).put("linkName", Users.LDAP_LINK);
        for (int i = 0; i < Users.MAX_FAILURES; i++) {
            assertEquals(30400, login(wrong).code());
        }
        ObjectNode right = credentials("ldap.user", Users.PASSWORD).put("authType", 1).put("linkName", Users.LDAP_LINK);
        assertEquals(30429, login(right).code());

        enos.simulator().clock().advance(Users.LOCK.plusSeconds(1));
        assertEquals(0, login(right).code());
    }

    @Test
    void sessionInfoAnswersTheSessionOfTheBearer() {
        String id = sessionId();

        SimClient.Answer answer = call("/session/info", null, "Bearer " + id);

        assertEquals(0, answer.code(), answer.body().toString());
        assertEquals(id, answer.body().get("session").get("id").asText());
        assertEquals(0, call("/session/info", null, id).code(), "the bare session id is accepted too");
    }

    @Test
    void missingAuthorizationFailsWith30401() {
        assertEquals(30401, call("/session/info", null, null).code());
        assertEquals(30401, call("/user/organization/list", null, "Bearer not-a-session").code());
    }

    @Test
    void unknownOrExpiredSessionFailsWith30404() {
        assertEquals(30404, call("/session/info", null, "Bearer IAM_S_unknown").code());

        SimClient.Answer short_ = login(credentials("operator@sim.enos", Users.PASSWORD).put("expireInterval", 60));
        String id = short_.body().get("session").get("id").asText();
        enos.simulator().clock().advance(Duration.ofSeconds(61));

        assertEquals(30404, call("/session/info", null, "Bearer " + id).code());
    }

    @Test
    void organizationInfoAnswersTheEmulatorsOrg() {
        SimClient.Answer answer = call("/organization/info", Json.object().put("id", enos.simulator().orgId()),
                "Bearer " + sessionId());

        assertEquals(0, answer.code(), answer.body().toString());
        JsonNode org = answer.body().get("organization");
        assertEquals(enos.simulator().orgId(), org.get("id").asText());
        assertEquals("u16000000000001", org.get("ownerId").asText());
    }

    @Test
    void organizationInfoOfAnotherOrgFailsWith30404AndWithoutIdWith30400() {
        String bearer = "Bearer " + sessionId();
        assertEquals(30404, call("/organization/info", Json.object().put("id", "o1"), bearer).code());
        assertEquals(30400, call("/organization/info", Json.object(), bearer).code());
    }

    @Test
    void userOrganizationListAnswersTheOneOrg() {
        SimClient.Answer answer = call("/user/organization/list", Json.object(), "Bearer " + sessionId());

        assertEquals(0, answer.code(), answer.body().toString());
        assertEquals(1, answer.body().get("organizations").size());
        assertEquals(enos.simulator().orgId(), answer.body().get("organizations").get(0).get("id").asText());
    }

    @Test
    void callsStillNeedTheGatewaysCredentials() {
        SimClient.Answer answer = client().send("POST", BASE + "/login", Map.of(),
                credentials("admin@sim.enos", Users.PASSWORD), false, Map.of());

        assertEquals(401, answer.status());
    }
}
