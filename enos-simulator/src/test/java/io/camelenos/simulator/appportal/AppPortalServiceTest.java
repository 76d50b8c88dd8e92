package io.camelenos.simulator.appportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.iam.Users;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppPortalServiceTest {

    private static final String BASE = "/app-portal-service";
    private static final String ADMIN = "u16000000000001";
    private static final String OPERATOR = "u16000000000002";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(60));

    private SimClient client() {
        return new SimClient(enos.simulator());
    }

    private String org() {
        return enos.simulator().orgId();
    }

    private String asset(int index) {
        return enos.simulator().dataSet().assetId(index);
    }

    private SimClient.Answer call(String method, String path, Map<String, String> query, Object body, String token) {
        Map<String, String> headers = new HashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return client().send(method, BASE + path, query, body, true, headers);
    }

    private SimClient.Answer ok(SimClient.Answer answer) {
        assertEquals(200, answer.code(), answer.body().toString());
        assertEquals(200, answer.status());
        return answer;
    }

    private String login(String account) {
        SimClient.Answer answer = ok(call("POST", "/v2.0/login", Map.of(),
                Json.object().put("account", account).put("password", Users.PASSWORD), null));
        return answer.data().get("accessToken").asText();
    }

    @Test
    void loginAnswersATokenTheUserAndTheOrg() {
        SimClient.Answer answer = ok(call("POST", "/v2.0/login", Map.of(),
                Json.object().put("account", "admin@sim.enos").put("password", Users.PASSWORD), null));

        assertTrue(answer.data().get("accessToken").asText().startsWith("APP_PORTAL_S_"));
        assertEquals(ADMIN, answer.data().get("user").get("id").asText());
        assertEquals(org(), answer.data().get("organizations").get(0).get("id").asText());
        assertEquals("", answer.body().get("message").asText());
    }

    @Test
    void wrongPasswordFailsWith31400AndFiveFailuresLockWith31429() {
        ObjectNode wrong = Json.object().put("account", "ldap.user").put("password", "x");
        for (int i = 0; i < Users.MAX_FAILURES; i++) {
            assertEquals(31400, call("POST", "/v2.0/login", Map.of(), wrong, null).code());
        }
        ObjectNode right = Json.object().put("account", "ldap.user").put("password", Users.PASSWORD);
        assertEquals(31429, call("POST", "/v2.0/login", Map.of(), right, null).code());
        assertEquals(31400, call("POST", "/v2.0/login", Map.of(), Json.object().put("account", "a"), null).code());
    }

    @Test
    void loginViaCodeUsesEachCodeOnce() {
        SimClient.Answer answer = ok(call("POST", "/v2.2/login-via-code", Map.of(),
                Json.object().put("code", "sim-code-operator-1"), null));
        assertEquals(OPERATOR, answer.data().get("user").get("id").asText());

        assertEquals(31400, call("POST", "/v2.2/login-via-code", Map.of(),
                Json.object().put("code", "sim-code-operator-1"), null).code());
        assertEquals(31400, call("POST", "/v2.2/login-via-code", Map.of(),
                Json.object().put("code", "made-up"), null).code());
    }

    @Test
    void callsWithoutAValidTokenFailWith31401() {
        assertEquals(31401, call("GET", "/v2.0/user/info", Map.of(), null, null).code());
        assertEquals(31401, call("GET", "/v2.1/session/info", Map.of(), null, "APP_PORTAL_S_nope").code());
    }

    @Test
    void logoutEndsTheToken() {
        String token = login("operator@sim.enos");

        assertTrue(ok(call("GET", "/v2.0/logout", Map.of(), null, token)).data().asBoolean());
        assertEquals(31401, call("GET", "/v2.0/user/info", Map.of(), null, token).code());
    }

    @Test
    void tokenExpiresAfterTwoHoursOfEmulatorTime() {
        String token = login("operator@sim.enos");
        enos.simulator().clock().advance(PortalSessions.ACCESS_TTL.plusSeconds(1));

        assertEquals(31401, call("GET", "/v2.0/user/info", Map.of(), null, token).code());
    }

    @Test
    void chooseOrganizationGivesARefreshTokenThatRefreshesOnce() {
        String token = login("admin@sim.enos");
        JsonNode chosen = ok(call("POST", "/v2.1/session/set", Map.of(), Json.object().put("orgId", org()), token)).data();
        assertEquals(token, chosen.get("accessToken").asText());
        String refresh = chosen.get("refreshToken").asText();

        JsonNode refreshed = ok(call("GET", "/v2.0/token/refresh", Map.of("refreshToken", refresh), null, null)).data();
        assertNotEquals(token, refreshed.get("accessToken").asText());
        assertEquals(org(), refreshed.get("currentOrgId").asText());
        ok(call("GET", "/v2.0/user/info", Map.of(), null, refreshed.get("accessToken").asText()));

        assertEquals(410, call("GET", "/v2.0/token/refresh", Map.of("refreshToken", refresh), null, null).code());
        assertEquals(400, call("GET", "/v2.0/token/refresh", Map.of(), null, null).code());
    }

    @Test
    void chooseAnotherOrganizationFailsWith404() {
        String token = login("admin@sim.enos");
        SimClient.Answer answer = call("POST", "/v2.1/session/set", Map.of(), Json.object().put("orgId", "o1"), token);

        assertEquals(404, answer.code());
        assertEquals("organization.user.not.exist", answer.body().get("message").asText());
        assertEquals(400, call("POST", "/v2.1/session/set", Map.of(), Json.object(), token).code());
    }

    @Test
    void revokeAllEndsEveryRefreshTokenOfTheUser() {
        String token = login("admin@sim.enos");
        String first = call("POST", "/v2.1/session/set", Map.of(), Json.object().put("orgId", org()), token)
                .data().get("refreshToken").asText();
        String second = call("POST", "/v2.1/session/set", Map.of(), Json.object().put("orgId", org()), token)
                .data().get("refreshToken").asText();

        assertEquals(400, call("POST", "/v2.0/refreshToken/revokeAll", Map.of(), Json.object().put("refreshToken", "x"), token).code());
        ok(call("POST", "/v2.0/refreshToken/revokeAll", Map.of(), Json.object().put("refreshToken", first), token));

        assertEquals(410, call("GET", "/v2.0/token/refresh", Map.of("refreshToken", second), null, null).code());
    }

    @Test
    void sessionInfoAndUserInfoDescribeTheLoggedInUser() {
        String token = login("operator@sim.enos");

        JsonNode session = ok(call("GET", "/v2.1/session/info", Map.of(), null, token)).data();
        assertEquals(OPERATOR, session.get("userId").asText());
        assertEquals(org(), session.get("currentOrgId").asText());
        JsonNode user = ok(call("GET", "/v2.0/user/info", Map.of(), null, token)).data();
        assertEquals("operator@sim.enos", user.get("email").asText());
        assertEquals(0, user.get("type").asInt());
        JsonNode orgs = ok(call("GET", "/v2.0/user/organization/list", Map.of(), null, token)).data();
        assertEquals(org(), orgs.get("organizations").get(0).get("id").asText());
    }

    @Test
    void manageableAndAppUserListsNeedAnAdmin() {
        String admin = login("admin@sim.enos");
        String operator = login("operator@sim.enos");

        JsonNode page = ok(call("POST", "/v2.0/organization/user/list", Map.of(),
                Json.object().put("pageNo", 0).put("pageSize", 2), admin)).data();
        assertEquals(5, page.get("pagination").get("totalElements").asInt());
        assertEquals(2, page.get("users").size());
        assertTrue(page.get("users").get(0).get("exists").asBoolean());
        assertEquals(31403, call("POST", "/v2.0/organization/user/list", Map.of(), Json.object(), operator).code());

        ObjectNode second = Json.object();
        second.putObject("pagination").put("pageNo", 1).put("pageSize", 3);
        JsonNode apps = ok(call("POST", "/v2.2/user/list", Map.of(), second, admin)).data();
        assertEquals(2, apps.get("users").size(), "page 1 of 3 holds the last two of five");
        assertEquals(1000, ok(call("POST", "/v2.2/user/list", Map.of(), Json.object(), admin)).data()
                .get("pagination").get("pageSize").asInt());
        assertEquals(31403, call("POST", "/v2.2/user/list", Map.of(), Json.object(), operator).code());
    }

    @Test
    void rosterListsTheOrgsUsersWithoutAUserToken() {
        JsonNode roster = ok(call("POST", "/v2.0/user/organization/roster", Map.of(),
                Json.object().put("orgId", org()), null)).data();

        assertEquals(5, roster.get("users").size());
        assertEquals(ADMIN, roster.get("users").get(0).get("userId").asText());
        assertEquals(403, call("POST", "/v2.0/user/organization/roster", Map.of(), Json.object().put("orgId", "o1"), null).code());
        assertEquals(400, call("POST", "/v2.0/user/organization/roster", Map.of(), Json.object(), null).code());
    }

    @Test
    void pageSizesOutOfRangeAreRefused() {
        ObjectNode body = Json.object().put("orgId", org());
        body.putObject("pagination").put("pageNo", 0).put("pageSize", 20_000);
        assertEquals(415, call("POST", "/v2.0/user/organization/roster", Map.of(), body, null).code());
        body.putObject("pagination").put("pageNo", -1);
        assertEquals(400, call("POST", "/v2.0/user/organization/roster", Map.of(), body, null).code());
    }

    @Test
    void userDomainAnswersByEmail() {
        assertEquals(Users.LDAP_LINK, ok(call("GET", "/v2.2/user/domain", Map.of("email", "ldap.user@ldap.sim.enos"), null, null))
                .data().get("id").asText());
        assertEquals("sim.enos", ok(call("GET", "/v2.2/user/domain", Map.of("email", "admin@sim.enos"), null, null))
                .data().get("name").asText());
        assertEquals(31400, call("GET", "/v2.2/user/domain", Map.of(), null, null).code());
        assertEquals(404, call("GET", "/v2.2/user/domain", Map.of("email", "who@else"), null, null).code());
    }

    @Test
    void userStructuresAreTheOrgForTheAdminAndTheFirstSiteForOthers() {
        JsonNode admin = ok(call("GET", "/v2.2/user/structures", Map.of(), null, login("admin@sim.enos"))).data();
        assertEquals("sg" + org(), admin.get("structures").get(0).get("id").asText());
        JsonNode operator = ok(call("GET", "/v2.2/user/structures", Map.of(), null, login("operator@sim.enos"))).data();
        assertEquals("sg" + asset(0), operator.get("structures").get(0).get("id").asText());
        assertEquals("sg" + org(), operator.get("structures").get(0).get("parentId").asText());
    }

    @Test
    void assetListIsTheUsersAssetsPageByPage() {
        ObjectNode body = Json.object().put("userId", ADMIN).put("orgId", org());
        body.putObject("pagination").put("pageNo", 1).put("pageSize", 25);
        JsonNode page = ok(call("POST", "/v2.0/user/asset/list", Map.of(), body, null)).data();
        assertEquals(60, page.get("pagination").get("totalElements").asInt());
        assertEquals(25, page.get("assets").size());
        assertEquals(asset(25), page.get("assets").get(0).get("id").asText());
        assertTrue(page.get("assets").get(0).get("name").has("default"));

        JsonNode operator = ok(call("POST", "/v2.0/user/asset/list", Map.of(),
                Json.object().put("userId", OPERATOR).put("orgId", org()), null)).data();
        assertEquals(25, operator.get("pagination").get("totalElements").asInt(), "the first site's tree");
        assertEquals(404, call("POST", "/v2.0/user/asset/list", Map.of(),
                Json.object().put("userId", "u0").put("orgId", org()), null).code());
        assertEquals(400, call("POST", "/v2.0/user/asset/list", Map.of(), Json.object().put("orgId", org()), null).code());
    }

    @Test
    void authorizingAnAssetLetsTheUserSeeIt() {
        String operator = login("operator@sim.enos");
        ObjectNode check = Json.object();
        check.putArray("assetIds").add(asset(1)).add(asset(30));
        assertFalse(ok(call("POST", "/v2.0/user/authorization/asset/check", Map.of(), check, operator)).data().asBoolean());

        ObjectNode grant = Json.object().put("userId", OPERATOR).put("orgId", org());
        grant.putArray("assetIds").add(asset(30));
        assertTrue(ok(call("POST", "/v2.0/asset/append", Map.of(), grant, null)).data().asBoolean());

        assertTrue(ok(call("POST", "/v2.0/user/authorization/asset/check", Map.of(), check, operator)).data().asBoolean());
        JsonNode users = ok(call("POST", "/v2.1/asset/authorize/user/list", Map.of(),
                Json.object().put("orgId", org()).put("assetId", asset(30)), null)).data();
        assertEquals(2, users.size(), "the admin and the operator");
        JsonNode tree = ok(call("GET", "/v2.1/user/app/asset/tree", Map.of("accessKey", "sim-app-key"), null, operator)).data();
        assertEquals(2, tree.get("children").size(), "the first site and the site of the granted asset");
    }

    @Test
    void authorizingAnUnknownAssetFailsWith404() {
        ObjectNode grant = Json.object().put("userId", OPERATOR).put("orgId", org()).put("assetIds", "nope");
        assertEquals(404, call("POST", "/v2.0/asset/append", Map.of(), grant, null).code());
        grant.put("orgId", "o1").put("assetIds", asset(2));
        assertEquals(403, call("POST", "/v2.0/asset/append", Map.of(), grant, null).code());
        assertEquals(404, call("POST", "/v2.1/asset/authorize/user/list", Map.of(),
                Json.object().put("orgId", org()).put("assetId", "nope"), null).code());
    }

    @Test
    void assetTreeHangsEachSitesAssetsUnderItsStructure() {
        JsonNode tree = ok(call("GET", "/v2.1/user/app/asset/tree", Map.of("accessKey", "sim-app-key"), null,
                login("admin@sim.enos"))).data();

        assertEquals("sg" + org(), tree.get("id").asText());
        assertEquals(3, tree.get("children").size(), "60 assets make three sites");
        JsonNode site = tree.get("children").get(0);
        assertEquals("sg" + asset(0), site.get("id").asText());
        assertEquals(25, site.get("children").size());
        assertEquals("asset", site.get("children").get(1).get("tag").asText());
        assertEquals(400, call("GET", "/v2.1/user/app/asset/tree", Map.of(), null, login("admin@sim.enos")).code());
    }

    @Test
    void assetStructureIsTheOrgAndTheSitesOfTheAssets() {
        JsonNode data = ok(call("GET", "/v2.1/asset/structure", Map.of("assetIds", asset(3) + "," + asset(27)), null,
                login("admin@sim.enos"))).data();

        JsonNode root = data.get("structures").get(0);
        assertEquals(org(), root.get("orgId").asText());
        assertEquals(2, root.get("children").size());
        assertEquals("sg" + asset(25), root.get("children").get(1).get("id").asText());
        assertEquals(404, call("GET", "/v2.1/asset/structure", Map.of("assetIds", "nope"), null, login("admin@sim.enos")).code());
    }

    @Test
    void syncAcceptsTheOrgOnly() {
        assertTrue(ok(call("GET", "/v2.0/asset/sync", Map.of("orgId", org()), null, null)).data().isNull());
        assertEquals(403, call("GET", "/v2.0/asset/sync", Map.of("orgId", "o1"), null, null).code());
    }

    @Test
    void messagesAreUnresolvedUntilUpdated() {
        ObjectNode produce = Json.object();
        for (String id : new String[] {"m-2", "m-1"}) {
            ObjectNode m = produce.withArray("messages").addObject().put("messageId", id).put("orgId", org())
                    .put("accessKey", "sim-app-key").put("produceTime", "2026-01-01 00:00:00").put("zoneOffset", "+08:00")
                    .put("authUnitId", asset(0)).put("assetId", asset(1)).put("callbackUrl", "https://cb").put("type", 1);
            m.putObject("actionName").put("en_US", "ACK");
        }
        ok(call("POST", "/v2.1/message/produce", Map.of(), produce, null));
        ObjectNode list = Json.object().put("accessKey", "sim-app-key").put("orgId", org());

        JsonNode unresolved = ok(call("POST", "/v2.0/message/unresolved/list", Map.of(), list, null)).data();
        assertEquals("[\"m-1\",\"m-2\"]", unresolved.get("ids").toString());
        assertEquals(2, unresolved.get("pagination").get("total").asInt());

        ObjectNode update = Json.object();
        update.putArray("messages").addObject().put("accessKey", "sim-app-key").put("messageId", "m-1").put("state", 1);
        ok(call("POST", "/v2.1/message/update", Map.of(), update, null));
        assertEquals("[\"m-2\"]", ok(call("POST", "/v2.0/message/unresolved/list", Map.of(), list, null)).data()
                .get("ids").toString());
    }

    @Test
    void badMessagesAreRefused() {
        ObjectNode produce = Json.object();
        produce.putArray("messages").addObject().put("messageId", "x").put("orgId", org());
        SimClient.Answer missing = call("POST", "/v2.1/message/produce", Map.of(), produce, null);
        assertEquals(400, missing.code());
        assertEquals("parameter.invalid.accessKey", missing.body().get("message").asText());
        assertEquals(400, call("POST", "/v2.1/message/produce", Map.of(), Json.object(), null).code());

        ObjectNode update = Json.object();
        update.putArray("messages").addObject().put("accessKey", "sim-app-key").put("messageId", "never").put("state", 1);
        assertEquals(404, call("POST", "/v2.1/message/update", Map.of(), update, null).code());
    }

    @Test
    void menusAppsColorsAndRingtonesAreListed() {
        String token = login("operator@sim.enos");
        JsonNode menus = ok(call("GET", "/v2.1/user/app/resource/info", Map.of("accessKey", "sim-app-key"), null, token)).data();
        assertEquals(2, menus.get("menus").size());
        assertEquals(1, menus.get("menus").get(0).get("displayOrder").asInt());
        assertEquals(2, ok(call("GET", "/v2.0/user/app/list", Map.of(), null, token)).data().get("apps").size());
        JsonNode colors = ok(call("GET", "/v2.0/message/enum/colors", Map.of(), null, null)).data().get("colors");
        assertEquals("red", colors.get(0).get("name").get("default").asText());
        assertEquals(3, colors.size());
        assertEquals(2, ok(call("GET", "/v2.0/message/enum/ringtones", Map.of(), null, null)).data().get("ringings").size());
    }

    @Test
    void callsStillNeedTheGatewaysCredentials() {
        SimClient.Answer answer = client().send("GET", BASE + "/v2.0/message/enum/colors", Map.of(), null, false, Map.of());
        assertEquals(401, answer.status());
    }
}
