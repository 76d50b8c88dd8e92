package io.camelenos.component.health;

import java.io.UncheckedIOException;

import io.camelenos.component.EnosApiException;

/**
 * Why EnOS is not usable, as a health check reports it: the operator's fix differs for each (credentials, org,
 * network, quota), so a check names the cause rather than only saying DOWN.
 */
public enum EnosHealthCause {
    /** The token service refused the app key or secret, or the gateway refused the token (HTTP 401/403). */
    AUTH_REFUSED,
    /** The gateway took the token but refused the org id (99403, TSDB 80401). */
    ORG_REFUSED,
    /** No answer from the gateway: connection refused, timeout, dropped connection. */
    UNREACHABLE,
    /** The gateway answered HTTP 429: the app's quota is spent for now. */
    RATE_LIMITED,
    /** The gateway failed on its side (HTTP 5xx, 99500, 80500). */
    GATEWAY_ERROR,
    /** Any other failure, e.g. a business error of the route's own request. */
    OTHER;

    private static final int ORG_DENIED = 99403;
    private static final int TSDB_ORG_DENIED = 80401;
    private static final int DM_INTERNAL_ERROR = 99500;
    private static final int TSDB_INTERNAL_ERROR = 80500;

    /** The cause of a failure thrown by the enos: client, looking through wrapping exceptions. */
    public static EnosHealthCause of(Throwable failure) {
        EnosApiException api = find(failure, EnosApiException.class);
        if (api != null) {
            return ofApi(api);
        }
        return find(failure, UncheckedIOException.class) != null ? UNREACHABLE : OTHER;
    }

    private static EnosHealthCause ofApi(EnosApiException e) {
        if (e.getHttpStatus() == 429) {
            return RATE_LIMITED;
        }
        if (e.getCode() == ORG_DENIED || e.getCode() == TSDB_ORG_DENIED) {
            return ORG_REFUSED;
        }
        if ("token".equals(e.getService()) || e.getHttpStatus() == 401 || e.getHttpStatus() == 403) {
            return AUTH_REFUSED;
        }
        boolean internal = e.getCode() == DM_INTERNAL_ERROR || e.getCode() == TSDB_INTERNAL_ERROR;
        return e.getHttpStatus() >= 500 || internal ? GATEWAY_ERROR : OTHER;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
