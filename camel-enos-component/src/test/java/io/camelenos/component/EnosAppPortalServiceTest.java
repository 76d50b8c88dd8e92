package io.camelenos.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.catalog.EnosCatalog;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.simulator.RequestLog;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Application Portal service through enos:app-portal/..., over HTTP against the emulator: every endpoint answers
 * what the emulator holds, pages count from 0, the component's own login is made once per token lifetime and renewed
 * once when the token expired, and every documented error code surfaces as an EnosApiException.
 */
class EnosAppPortalServiceTest extends EnosUserTestSupport {

    private static final String BASE = "/app-portal-service";
    private static final String LOGIN = BASE + "/v2.0/login";
    private static final String USER_INFO = BASE + "/v2.0/user/info";
    private static final String APP = "sim-app-key";

    /** One call of the table: operation and options, body, and what its answer must hold. */
    private record Call(String uri, Object body, Function<JsonNode, Object> actual, Object expected) {
        String operation() {
            return uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        }

        @Override
        public String toString() {
            return uri;
        }
    }

    /** The operations the focused tests below call (login and logout flows, messages, paging). */
    private static final Set<String> FOCUSED = Set.of("logout", "chooseOrganization", "refreshAccessToken",
            "revokeRefreshToken", "createMessage", "getUnresolvedMessages", "updateMessages");

    static Stream<Arguments> everyEndpoint() {
        return table().stream().map(Arguments::of);
    }

    private static List<Call> table() {
        String org = sim.orgId();
        String first = sim.dataSet().assetId(0);
        String later = sim.dataSet().assetId(30);
        return List.of(
                new Call("login", map("account", ADMIN_ACCOUNT, "password", PASSWORD), d -> d.at("/user/id").asText(),
                        ADMIN),
                new Call("loginViaCode", map("code", "sim-code-operator-table"), d -> d.at("/user/id").asText(),
                        OPERATOR),
                new Call("getTokenInformation", null, d -> d.path("currentOrgId").asText() + " " + d.path("userId")
                        .asText(), org + " " + ADMIN),
                new Call("getUserInformation", null, d -> d.path("email").asText(), ADMIN_ACCOUNT),
                new Call("getOrganizationList", null, d -> d.at("/organizations/0/id").asText(), org),
                new Call("getManagUserList", null, d -> d.path("users").size(), USERS),
                new Call("getOuUserList", null, d -> d.at("/users/0/userId").asText(), ADMIN),
                new Call("getAppUserList?pageSize=2&pageNo=2", null, d -> d.path("users").size(), USERS - 4),
                new Call("getUserDomain?email=RAW(ldap.user@ldap.sim.enos)", null, d -> d.path("id").asText(),
                        "sim-ldap"),
                new Call("getUserStructures", null, d -> d.at("/structures/0/id").asText(), "sg" + org),
                new Call("authorizeAsset?userId=" + OPERATOR + "&assetIds=" + later, null, JsonNode::asBoolean, true),
                new Call("checkAssetPermission?assetIds=" + first + "," + later, null, JsonNode::asBoolean, true),
                new Call("getAssetsByApp?accessKey=" + APP, null, d -> d.path("children").size(), 2),
                new Call("getAssetsByOu?userId=" + ADMIN + "&pageSize=10&pageNo=1", null,
                        d -> d.at("/assets/0/id").asText(), sim.dataSet().assetId(10)),
                new Call("getAssetStructure?assetIds=" + first + "," + later, null,
                        d -> d.at("/structures/0/children").size(), 2),
                new Call("syncAsset", null, d -> d == null, true),
                new Call("getPrivilegedUsersToAsset?assetId=" + first, null,
                        d -> ids(d, "id").containsAll(List.of(ADMIN, OPERATOR)), true),
                new Call("getColorsOfTheMessageIcon", null, d -> d.at("/colors/0/name/default").asText(), "red"),
                new Call("getMessageRingtones", null, d -> d.path("ringings").size(), 2),
                new Call("getAppMenuAndPermission?accessKey=" + APP, null, d -> d.path("menus").size(), 2),
                new Call("getUserApps", null, d -> ids(d.path("apps"), "id"), List.of(APP, "sim-energy-reports")),
                new Call("getUserInformation?" + as("operator@sim.enos"), null, d -> d.path("id").asText(), OPERATOR));
    }

    @ParameterizedTest
    @MethodSource("everyEndpoint")
    void everyEndpointAnswersWhatTheEmulatorHolds(Call call) {
        Exchange exchange = template.request("enos:app-portal/" + call.uri(), e -> e.getMessage().setBody(call.body()));

        assertNull(exchange.getException());
        assertEquals(200, exchange.getMessage().getHeader(EnosConstants.CODE, Integer.class));
        assertEquals(call.expected(), call.actual().apply(exchange.getMessage().getBody(JsonNode.class)));
    }

    @Test
    void theTableAndTheFocusedTestsCallEveryCataloguedEndpoint() {
        Set<String> called = table().stream().map(Call::operation).collect(Collectors.toCollection(HashSet::new));
        called.addAll(FOCUSED);
        Set<String> catalogued = EnosCatalog.defaultCatalog().operations().stream()
                .filter(op -> op.service().equals("app-portal")).map(EnosOperation::name).collect(Collectors.toSet());
        assertEquals(28, catalogued.size());
        assertEquals(catalogued, called);
    }

    @Test
    void userAssetListPagesFromZeroThroughEveryAssetOfTheAdmin() {
        Exchange first = template.request("enos:app-portal/getAssetsByOu?userId=" + ADMIN + "&pageSize=7",
                e -> e.getMessage().setBody(null));
        assertEquals(0, first.getMessage().getHeader(EnosConstants.PAGE_NO, Integer.class), "pages count from 0");
        assertEquals((long) sim.dataSet().assets().size(),
                first.getMessage().getHeader(EnosConstants.TOTAL_SIZE, Long.class));

        Iterator<?> all = template.requestBody("enos:app-portal/listUserAssets?userId=" + ADMIN
                                               + "&pageSize=7&fetchAll=true", null, Iterator.class);
        List<String> ids = new ArrayList<>();
        all.forEachRemaining(asset -> ids.add(((JsonNode) asset).path("id").asText()));

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < sim.dataSet().assets().size(); i++) {
            expected.add(sim.dataSet().assetId(i));
        }
        assertEquals(expected, ids);
        assertEquals(1 + (expected.size() + 6) / 7, requestsTo(BASE + "/v2.0/user/asset/list").size(),
                "one request per page, none past the last");
    }

    @Test
    void messagesProducedAreUnresolvedUntilUpdated() {
        String org = sim.orgId();
        List<Map<String, Object>> messages = new ArrayList<>();
        for (String id : List.of("msg-1", "msg-2", "msg-3")) {
            messages.add(map("messageId", id, "orgId", org, "accessKey", APP, "produceTime", 1700000000000L,
                    "zoneOffset", "+08:00", "authUnitId", sim.dataSet().assetId(0), "callbackUrl",
                    "https://app.example/" + id, "actionName", "Open", "title", map("default", "Alarm " + id)));
        }
        call("app-portal/produceMessages", map("messages", messages));
        assertEquals(List.of("msg-1", "msg-2", "msg-3"), unresolved());

        call("app-portal/updateMessages", map("messages", List.of(map("messageId", "msg-2", "accessKey", APP,
                "state", 1))));

        assertEquals(List.of("msg-1", "msg-3"), unresolved());
    }

    /** Every unresolved message id of the app, two per page. */
    private List<String> unresolved() {
        Iterator<?> ids = template.requestBody("enos:app-portal/getUnresolvedMessages?accessKey=" + APP
                                               + "&pageSize=2&fetchAll=true", null, Iterator.class);
        List<String> list = new ArrayList<>();
        ids.forEachRemaining(id -> list.add(((JsonNode) id).asText()));
        return list;
    }

    @Test
    void aChosenOrganizationGivesARefreshTokenThatRenewsOnceAndIsRevoked() {
        JsonNode chosen = call("app-portal/chooseOrganization");
        assertEquals(sim.orgId(), chosen.path("currentOrgId").asText());
        String refresh = chosen.path("refreshToken").asText();
        assertTrue(refresh.startsWith("APP_PORTAL_R_"), chosen.toString());

        JsonNode renewed = call("app-portal/refreshAccessToken?refreshToken=" + refresh);
        assertNotEquals(chosen.path("accessToken").asText(), renewed.path("accessToken").asText());
        assertEquals(ADMIN, call("app-portal/getUserInformation?userToken=" + renewed.path("accessToken").asText())
                .path("id").asText());
        assertFailure(failure("app-portal/refreshAccessToken?refreshToken=" + refresh, null), 410,
                "refreshToken.expired");

        String next = renewed.path("refreshToken").asText();
        call("app-portal/revokeRefreshToken?refreshToken=" + next);
        assertFailure(failure("app-portal/refreshAccessToken?refreshToken=" + next, null), 410,
                "refreshToken.expired");
    }

    @Test
    void aLoggedOutTokenFailsWith31401() {
        String token = call("app-portal/login", map("account", ADMIN_ACCOUNT, "password", PASSWORD))
                .path("accessToken").asText();
        assertEquals(true, call("app-portal/logout?userToken=" + token).asBoolean());

        assertFailure(failure("app-portal/getUserInformation?userToken=" + token, null), 31401, "not valid");
    }

    @Test
    void oneLoginServesEveryCallUntilTheTokenExpiresAndOneReLoginRenewsIt() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertEquals(ADMIN, call("app-portal/getUserInformation").path("id").asText());
        }
        assertEquals(USERS, call("app-portal/getAppUserList").path("users").size());
        assertEquals(1, requestsTo(LOGIN).size(), "one login for five calls");

        advanceClock(Duration.ofHours(2).plusMinutes(1));
        assertEquals(ADMIN, call("app-portal/getUserInformation").path("id").asText());
        assertEquals(ADMIN, call("app-portal/getUserInformation").path("id").asText());

        assertEquals(2, requestsTo(LOGIN).size(), "one more login for the expired token");
        List<Integer> codes = requestsTo(USER_INFO).stream().filter(e -> e.httpStatus() == 200)
                .map(RequestLog.Entry::apiCode).toList();
        assertEquals(List.of(200, 200, 200, 200, 31401, 200, 200), codes,
                "the call with the expired token is refused once and replayed");
    }

    @Test
    void endpointsWithTheSameAccountShareOneLogin() {
        call("app-portal/getUserInformation?requestTimeout=20000");
        call("app-portal/getUserStructures");
        call("app-portal/getUserInformation?" + as("operator@sim.enos"));

        assertEquals(2, requestsTo(LOGIN).size(), "one login per account");
    }

    // ---- every documented error code

    @Test
    void wrongPasswordOrDisabledAccountFailsWith31400() {
        assertFailure(failure("app-portal/login", map("account", ADMIN_ACCOUNT, "password", "wrong")), 31400,
                "password");
        assertFailure(failure("app-portal/login", map("account", "disabled@sim.enos", "password", PASSWORD)), 31400,
                "password");
    }

    @Test
    void anUnknownTokenFailsWith31401() {
        assertFailure(failure("app-portal/getUserInformation?userToken=APP_PORTAL_S_unknown", null), 31401,
                "not valid");
    }

    @Test
    void aUserWhoIsNoAdministratorFailsWith31403() {
        assertFailure(failure("app-portal/getAppUserList?" + as("operator@sim.enos"), null), 31403, "administrator");
    }

    @Test
    void fiveFailuresLockTheAccountWith31429() {
        // the expired-password account: no other test here logs in with it (the lock outlives the test)
        for (int i = 0; i < 5; i++) {
            assertFailure(failure("app-portal/login", map("account", "expired@sim.enos", "password", "wrong")),
                    31400, "password");
        }
        assertFailure(failure("app-portal/login", map("account", "expired@sim.enos", "password", PASSWORD)), 31429,
                "exhausted");
    }

    @Test
    void aMissingParameterFailsWith400NamingIt() {
        assertFailure(failure("app-portal/getAssetsByOu", null), 400, "parameter.invalid.userId");
        assertFailure(failure("app-portal/getAppMenuAndPermission", null), 400, "parameter.invalid.accessKey");
    }

    @Test
    void anotherOrganizationFailsWith403() {
        assertFailure(failure("app-portal/getOuUserList?orgId=o-elsewhere", null), 403, "permission.denied");
    }

    @Test
    void anUnknownUserOrAssetFailsWith404() {
        assertFailure(failure("app-portal/getAssetsByOu?userId=u-nobody", null), 404, "user.not.exist");
        assertFailure(failure("app-portal/getPrivilegedUsersToAsset?assetId=nothing", null), 404,
                "asset.not.exist");
    }

    @Test
    void anUnknownRefreshTokenFailsWith410() {
        assertFailure(failure("app-portal/refreshAccessToken?refreshToken=APP_PORTAL_R_unknown", null), 410,
                "refreshToken.expired");
    }

    @Test
    void aPageSizeOverTenThousandFailsWith415() {
        assertFailure(failure("app-portal/getOuUserList?pageSize=10001", null), 415, "pagination.pageSize.out.range");
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path(field).asText()));
        return ids;
    }
}
