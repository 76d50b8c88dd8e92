package io.camelenos.component;

import java.net.URI;
import java.util.Arrays;

import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.catalog.UserAuth;

/**
 * Checks an endpoint's options once they are bound, so that a bad value fails the route at start with a message
 * naming the option and the value, not at the first message.
 */
final class EnosConfigurationValidator {

    /** More requests in flight than this only queue up at the gateway, and each holds a page in memory. */
    static final int MAX_PARALLEL_PAGES = 64;

    private EnosConfigurationValidator() {
    }

    static void validate(EnosConfiguration c) {
        if (c.getClient() == null) {
            requireConnection(c);
        }
        positive("connectTimeout", c.getConnectTimeout());
        positive("requestTimeout", c.getRequestTimeout());
        positive("retryInitialBackoff", c.getRetryInitialBackoff());
        positive("retryMaxBackoff", c.getRetryMaxBackoff());
        notNegative("maxRetries", c.getMaxRetries());
        notNegative("retryAfterCap", c.getRetryAfterCap());
        notNegative("tokenRefreshBefore", c.getTokenRefreshBefore());
        positive("downloadPollInterval", c.getDownloadPollInterval());
        positive("downloadTimeout", c.getDownloadTimeout());
        check(c.getRateLimit() >= 0 && !Double.isNaN(c.getRateLimit()), "rateLimit", c.getRateLimit(),
                "must be 0 (off) or a positive number of requests per second");
        check(c.getPageSize() == null || c.getPageSize() > 0, "pageSize", c.getPageSize(), "must be greater than 0");
        check(c.getPageNo() == null || c.getPageNo() >= 0, "pageNo", c.getPageNo(), "must not be negative");
        check(c.getParallelPages() >= 1 && c.getParallelPages() <= MAX_PARALLEL_PAGES, "parallelPages",
                c.getParallelPages(), "must be between 1 and " + MAX_PARALLEL_PAGES);
        check(c.getScope() == null || c.getScope() >= 0, "scope", c.getScope(), "must not be negative");
        check(c.getMaxRetries() <= 100, "maxRetries", c.getMaxRetries(), "must be at most 100");
        check(c.getRetryInitialBackoff() <= c.getRetryMaxBackoff(), "retryInitialBackoff", c.getRetryInitialBackoff(),
                "must not exceed retryMaxBackoff (" + c.getRetryMaxBackoff() + ")");
        check(Double.isFinite(c.getRateLimit()), "rateLimit", c.getRateLimit(), "must be a finite number");
        notBlankIfSet(c);
        wellFormedLists(c);
        proxy(c);
        EnosTimeOptions.validate(c);
    }

    private static void proxy(EnosConfiguration c) {
        if (c.getProxyHost() == null) {
            check(c.getProxyPort() == null && c.getProxyUsername() == null, "proxyHost", null,
                    "is required with proxyPort and proxyUsername");
            return;
        }
        check(!c.getProxyHost().isBlank() && c.getProxyHost().matches("[A-Za-z0-9.:\\[\\]_-]+"), "proxyHost",
                c.getProxyHost(), "must be a host name or address");
        check(c.getProxyPort() != null && c.getProxyPort() >= 1 && c.getProxyPort() <= 65535, "proxyPort",
                c.getProxyPort(), "must be a port 1..65535 when proxyHost is set");
        check(c.getProxyUsername() == null || c.getProxyPassword() != null, "proxyPassword", null,
                "is required with proxyUsername");
    }

    /** An option given but empty selects nothing or everything depending on the API: refuse it. */
    private static void notBlankIfSet(EnosConfiguration c) {
        String[][] options = { { "orgId", c.getOrgId() }, { "assetId", c.getAssetId() }, { "treeId", c.getTreeId() },
            { "productKey", c.getProductKey() }, { "deviceKey", c.getDeviceKey() }, { "modelId", c.getModelId() },
            { "expression", c.getExpression() }, { "userId", c.getUserId() }, { "eventId", c.getEventId() } };
        for (String[] option : options) {
            check(option[1] == null || !option[1].isBlank(), option[0], option[1],
                    "must not be blank; leave the option out instead");
        }
    }

    /** Comma-separated lists: no empty item (a doubled or trailing comma is a typo). */
    private static void wellFormedLists(EnosConfiguration c) {
        String[][] lists = { { "assetIds", c.getAssetIds() }, { "pointIds", c.getPointIds() },
            { "modelIds", c.getModelIds() }, { "projection", c.getProjection() } };
        for (String[] list : lists) {
            if (list[1] != null) {
                boolean ok = !list[1].isBlank() && Arrays.stream(list[1].split(",", -1))
                        .noneMatch(String::isBlank);
                check(ok, list[0], list[1], "must be a comma-separated list without empty items");
            }
        }
    }

    /**
     * An operation that acts as a user needs a token or an account to log in with. Only presence is checked: the
     * values are secrets and never reach a message.
     */
    static void validateUser(EnosConfiguration c, EnosOperation op) {
        EnosOptionCheck.checkHidden(c.getUserAccount() == null || !isBlank(c.getUserPassword()), "userPassword",
                "is required with userAccount");
        boolean asUser = op.userAuth() == UserAuth.IAM || op.userAuth() == UserAuth.PORTAL;
        EnosOptionCheck.checkHidden(!asUser || c.getClient() != null || !isBlank(c.getUserToken())
                                    || !isBlank(c.getUserAccount()), "userAccount",
                "enos:" + op.key() + " acts as an EnOS user: set userAccount and userPassword (the component logs "
                + "in), or userToken");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void requireConnection(EnosConfiguration c) {
        check(c.getGatewayUrl() != null && !c.getGatewayUrl().isBlank(), "gatewayUrl", c.getGatewayUrl(),
                "is required unless a client is set");
        check(isHttpUrl(c.getGatewayUrl()), "gatewayUrl", c.getGatewayUrl(), "must be an http or https URL");
        URI gateway = URI.create(c.getGatewayUrl());
        // user info may hold a password: the message names the option only
        EnosOptionCheck.checkHidden(gateway.getRawUserInfo() == null, "gatewayUrl",
                "must not hold a user or password; the component signs with appKey and appSecret");
        check(gateway.getRawQuery() == null && gateway.getRawFragment() == null, "gatewayUrl", c.getGatewayUrl(),
                "must be the gateway's base URL, without query or fragment");
        check(c.getAppKey() != null && !c.getAppKey().isBlank(), "appKey", c.getAppKey(),
                "is required unless a client is set");
        // the secret's value must never reach a message, so the check names the option only
        EnosOptionCheck.checkHidden(!isBlank(c.getAppSecret()), "appSecret", "is required unless a client is set");
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void positive(String option, long value) {
        check(value > 0, option, value, "must be greater than 0");
    }

    private static void notNegative(String option, long value) {
        check(value >= 0, option, value, "must not be negative");
    }

    static void check(boolean ok, String option, Object value, String rule) {
        EnosOptionCheck.check(ok, option, value, rule);
    }
}
