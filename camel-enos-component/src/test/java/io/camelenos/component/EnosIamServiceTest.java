package io.camelenos.component;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.RequestLog;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IAM service through enos:iam/..., over HTTP against the emulator: its success/fail envelope, the session the
 * component logs in for, and every documented error code.
 */
class EnosIamServiceTest extends EnosUserTestSupport {

    private static final String LOGIN = "/enos-iam-service/v2.0/login";
    private static final String ORG_INFO = "/enos-iam-service/v2.0/organization/info";

    private static Object credentials(String account, String password) {
        return map("authType", 0, "principal", account, "credentials", password);
    }

    @Test
    void loginAnswersASessionOfTheUser() {
        JsonNode answer = call("iam/login", credentials(ADMIN_ACCOUNT, PASSWORD));

        assertTrue(answer.path("success").asBoolean());
        assertTrue(answer.at("/session/id").asText().startsWith("IAM_S_"), answer.toString());
        assertEquals(7200, answer.at("/session/expires").asInt());
        assertEquals(ADMIN, answer.at("/session/user/id").asText());
        assertEquals(sim.orgId(), answer.at("/session/workingOrganization/id").asText());
    }

    @Test
    void everyOperationAsAUserAnswersForTheLoggedInUserWithOneLogin() {
        JsonNode session = call("iam/getSessionInformation");
        assertEquals(ADMIN, session.at("/session/user/id").asText());
        assertEquals(ADMIN_ACCOUNT, session.at("/session/user/email").asText());

        JsonNode org = call("iam/getOrg");
        assertEquals(sim.orgId(), org.at("/organization/id").asText(), "the orgId option is the body's id");
        assertEquals("Sim Renewables", org.at("/organization/name").asText());

        JsonNode orgs = call("iam/listUserOrganization");
        assertEquals(1, orgs.path("organizations").size());
        assertEquals(sim.orgId(), orgs.at("/organizations/0/id").asText());

        assertEquals(1, requestsTo(LOGIN).size(), "one login serves the three calls");
    }

    @Test
    void aGivenSessionIsSentAsItIs() {
        String id = call("iam/login", credentials("operator@sim.enos", PASSWORD)).at("/session/id").asText();

        JsonNode session = call("iam/getSessionInformation?userToken=" + id);

        assertEquals(id, session.at("/session/id").asText());
        assertEquals(OPERATOR, session.at("/session/user/id").asText());
    }

    @Test
    void anExpiredSessionIsRenewedByOneLoginAndTheCallReplayed() throws Exception {
        assertEquals(ADMIN, call("iam/getSessionInformation").at("/session/user/id").asText());
        advanceClock(Duration.ofSeconds(7201));

        JsonNode org = call("iam/getOrg");

        assertEquals(sim.orgId(), org.at("/organization/id").asText());
        assertEquals(2, requestsTo(LOGIN).size());
        // the app's access token expired too (the gateway's 401 1203, renewed by the token manager): leave it out
        List<Integer> codes = requestsTo(ORG_INFO).stream().filter(e -> e.httpStatus() == 200)
                .map(RequestLog.Entry::apiCode).toList();
        assertEquals(List.of(30404, 0), codes, "refused once for the expired session, then answered");
    }

    @Test
    void wrongPasswordFailsWith30400() {
        assertFailure(failure("iam/login", credentials(ADMIN_ACCOUNT, "wrong")), 30400, "not correct");
    }

    @Test
    void aWrongPasswordOptionFailsTheCallWithTheLoginsError() {
        EnosApiException error = failure("iam/getOrg?userAccount=RAW(admin@sim.enos)&userPassword=RAW(nope)", null);

        assertFailure(error, 30400, "not correct");
        assertEquals("login", error.getOperation());
    }

    @Test
    void aTokenThatIsNoSessionFailsWith30401AndAnUnknownSessionWith30404() {
        assertFailure(failure("iam/getSessionInformation?userToken=not-a-session", null), 30401, "bearer token");
        assertFailure(failure("iam/getSessionInformation?userToken=IAM_S_unknown", null), 30404, "session");
    }

    @Test
    void anotherOrganizationFailsWith30404WithoutAnotherLogin() {
        assertFailure(failure("iam/getOrg?orgId=o-elsewhere", null), 30404, "organization");
        assertEquals(1, requestsTo(LOGIN).size(), "not a session problem: no second login");
    }

    @Test
    void anUnknownLdapLinkFailsWith30404() {
        Object ldap = map("authType", 1, "linkName", "other-ldap", "principal", "ldap.user", "credentials", PASSWORD);
        assertFailure(failure("iam/login", ldap), 30404, "LDAP");
    }

    @Test
    void anExpiredPasswordFailsWith30410() {
        assertFailure(failure("iam/login", credentials("expired@sim.enos", PASSWORD)), 30410, "expired");
    }

    @Test
    void aDisabledAccountFailsWith30511() {
        assertFailure(failure("iam/login", credentials("disabled@sim.enos", PASSWORD)), 30511, "disabled");
    }

    @Test
    void fiveFailuresLockTheAccountWith30429() {
        // the LDAP account: no other test logs in with it (the lock outlives the test in emulator time)
        for (int i = 0; i < 5; i++) {
            assertFailure(failure("iam/login", credentials("ldap.user", "wrong")), 30400, "not correct");
        }
        Object ldap = map("authType", 1, "linkName", "sim-ldap", "principal", "ldap.user", "credentials", PASSWORD);
        assertFailure(failure("iam/login", ldap), 30429, "limit");
    }

    @Test
    void anOperationAsAUserWithoutCredentialsFailsAtStart() {
        Exception error = assertThrows(Exception.class,
                () -> context.getEndpoint("enos:iam/getOrg?userAccount=&userToken=").createProducer());
        String message = rootMessage(error);
        assertTrue(message.contains("enos:iam/getOrg acts as an EnOS user") && message.contains("userToken"), message);
        assertFalse(message.contains(PASSWORD), message);
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
