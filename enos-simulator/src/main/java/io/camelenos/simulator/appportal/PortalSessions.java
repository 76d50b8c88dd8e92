package io.camelenos.simulator.appportal;

import io.camelenos.simulator.SimClock;
import io.camelenos.simulator.iam.Users;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * App Portal's user tokens: an access token from login (2 h of emulator time) and refresh tokens (30 days) issued
 * when the user chooses an organization or refreshes. Logout ends an access token; revokeAll ends every refresh
 * token of the user.
 */
final class PortalSessions {

    static final Duration ACCESS_TTL = Duration.ofHours(2);
    static final Duration REFRESH_TTL = Duration.ofDays(30);

    record Access(String token, Users.User user, String orgId, long expiresMillis) {
    }

    record Refresh(String token, Users.User user, String orgId, long expiresMillis) {
    }

    private final SimClock clock;
    private final Map<String, Access> access = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refresh = new ConcurrentHashMap<>();

    PortalSessions(SimClock clock) {
        this.clock = clock;
    }

    Access open(Users.User user, String orgId) {
        Access a = new Access(Users.token("APP_PORTAL_S_", 32), user, orgId, clock.nowMillis() + ACCESS_TTL.toMillis());
        access.put(a.token(), a);
        return a;
    }

    Optional<Access> access(String token) {
        Access a = token == null ? null : access.get(token);
        if (a == null || clock.nowMillis() >= a.expiresMillis()) {
            return Optional.empty();
        }
        return Optional.of(a);
    }

    /** Moves the session of an access token to another org (same token). */
    Access switchOrg(Access a, String orgId) {
        Access moved = new Access(a.token(), a.user(), orgId, a.expiresMillis());
        access.put(a.token(), moved);
        return moved;
    }

    Refresh issueRefresh(Users.User user, String orgId) {
        Refresh r = new Refresh(Users.token("APP_PORTAL_R_", 32), user, orgId, clock.nowMillis() + REFRESH_TTL.toMillis());
        refresh.put(r.token(), r);
        return r;
    }

    /** Takes a live refresh token (it is used up: refresh answers a new one). */
    Optional<Refresh> useRefresh(String token) {
        Refresh r = token == null ? null : refresh.remove(token);
        if (r == null || clock.nowMillis() >= r.expiresMillis()) {
            return Optional.empty();
        }
        return Optional.of(r);
    }

    boolean refreshBelongsTo(String token, Users.User user) {
        Refresh r = refresh.get(token);
        return r != null && r.user().id().equals(user.id());
    }

    void logout(String token) {
        access.remove(token);
    }

    void revokeAll(Users.User user) {
        refresh.values().removeIf(r -> r.user().id().equals(user.id()));
    }
}
