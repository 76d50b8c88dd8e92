package io.camelenos.simulator.appportal;

import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.http.Handler;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.iam.Users;
import io.camelenos.simulator.wire.Envelope;

/**
 * Application Portal service ({@code app-portal-service} v2.0, v2.1, v2.2): user login with a bearer access token,
 * refresh tokens, the org's users, the assets each user may see (org structure → site → assets), and application
 * messages. Envelope {@code {code: 200, message, data}}; errors use the portal's codes (31400, 31401, 31403, 31429,
 * and the common 400 {@code parameter.invalid.<name>}, 403, 404 {@code <thing>.not.exist}, 410, 415).
 * Pages count from 0 and hold 1000 items unless asked otherwise. The routes live here; the stores are
 * {@link PortalSessions} and {@link PortalAssets}, the checks {@link PortalChecks}, the JSON {@link PortalViews},
 * the handlers {@link LoginHandlers}, {@link UserHandlers}, {@link AssetHandlers} and {@link MessageHandlers}.
 */
public final class AppPortalService implements SimService {

    static final String BASE = "/app-portal-service";

    @Override
    public void register(Router router, SimContext context) {
        Users users = context.shared(Users.class, Users::new);
        PortalSessions sessions = new PortalSessions(context.clock());
        PortalAssets assets = new PortalAssets(context, users);
        PortalChecks checks = new PortalChecks(context, users, sessions);
        PortalViews views = new PortalViews(context, users);
        LoginHandlers login = new LoginHandlers(context, users, checks, views, sessions);
        UserHandlers people = new UserHandlers(context, users, checks, views, assets);
        AssetHandlers assetHandlers = new AssetHandlers(context, users, checks, assets);
        MessageHandlers messages = new MessageHandlers(context, checks);
        route(router, "POST", "/v2.0/login", login::login);
        route(router, "POST", "/v2.2/login-via-code", login::loginViaCode);
        route(router, "GET", "/v2.0/logout", login::logout);
        route(router, "GET", "/v2.0/token/refresh", login::refresh);
        route(router, "POST", "/v2.0/refreshToken/revokeAll", login::revokeAll);
        route(router, "GET", "/v2.1/session/info", login::sessionInfo);
        // Users and organizations
        route(router, "POST", "/v2.1/session/set", login::chooseOrganization);
        route(router, "GET", "/v2.0/user/info", people::userInfo);
        route(router, "GET", "/v2.0/user/organization/list", people::organizationList);
        route(router, "POST", "/v2.0/organization/user/list", people::manageableUsers);
        route(router, "POST", "/v2.0/user/organization/roster", people::roster);
        route(router, "POST", "/v2.2/user/list", people::appUsers);
        route(router, "GET", "/v2.2/user/domain", people::userDomain);
        route(router, "GET", "/v2.2/user/structures", people::userStructures);
        // Assets
        route(router, "POST", "/v2.0/asset/append", assetHandlers::authorizeAsset);
        route(router, "POST", "/v2.0/user/authorization/asset/check", assetHandlers::checkAssets);
        route(router, "GET", "/v2.1/user/app/asset/tree", assetHandlers::assetTree);
        route(router, "POST", "/v2.0/user/asset/list", assetHandlers::assetsOfUser);
        route(router, "GET", "/v2.1/asset/structure", assetHandlers::assetStructure);
        route(router, "GET", "/v2.0/asset/sync", assetHandlers::syncAssets);
        route(router, "POST", "/v2.1/asset/authorize/user/list", assetHandlers::usersOfAsset);
        // Applications and messages
        route(router, "POST", "/v2.1/message/produce", messages::produceMessages);
        route(router, "GET", "/v2.1/user/app/resource/info", messages::menus);
        route(router, "GET", "/v2.0/message/enum/colors", r -> PortalViews.enumeration("colors", "red", "红色", "Yellow", "黄色", "Gray", "灰色"));
        route(router, "GET", "/v2.0/message/enum/ringtones", r -> PortalViews.enumeration("ringings", "No Sound", "无声音", "Alarm Sound", "警报声"));
        route(router, "POST", "/v2.0/message/unresolved/list", messages::unresolvedMessages);
        route(router, "POST", "/v2.1/message/update", messages::updateMessages);
        route(router, "GET", "/v2.0/user/app/list", messages::userApps);
    }

    private void route(Router router, String method, String path, Handler handler) {
        router.path(BASE + path, Envelope.APP_PORTAL).orgRequired(false).method(method, handler);
    }
}
