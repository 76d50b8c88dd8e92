package io.camelenos.component;

import java.net.URI;

/**
 * Checks an endpoint's options once they are bound, so that a bad value fails the route at start with a message
 * naming the option and the value, not at the first message.
 */
final class EnosConfigurationValidator {

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
    }

    private static void requireConnection(EnosConfiguration c) {
        check(c.getGatewayUrl() != null && !c.getGatewayUrl().isBlank(), "gatewayUrl", c.getGatewayUrl(),
                "is required unless a client is set");
        check(isHttpUrl(c.getGatewayUrl()), "gatewayUrl", c.getGatewayUrl(), "must be an http or https URL");
        check(c.getAppKey() != null && !c.getAppKey().isBlank(), "appKey", c.getAppKey(),
                "is required unless a client is set");
        // the secret's value must never reach a message, so the check names the option only
        if (c.getAppSecret() == null || c.getAppSecret().isBlank()) {
            throw new IllegalArgumentException("Option appSecret is required unless a client is set");
        }
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
        if (!ok) {
            throw new IllegalArgumentException("Invalid value for option " + option + ": " + value + " (" + rule + ")");
        }
    }
}
