package io.camelenos.component.health;

import io.camelenos.component.EnosApiException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/** How the enos: checks write a failure into a result: the classified cause, the HTTP status, a one-line message. */
final class EnosHealthResults {

    static final String CAUSE = "enos.cause";
    static final String HTTP_STATUS = HealthCheck.HTTP_RESPONSE_CODE;
    static final String API_CODE = "enos.code";

    private EnosHealthResults() {
    }

    static void down(HealthCheckResultBuilder builder, Throwable failure) {
        EnosHealthCause cause = EnosHealthCause.of(failure);
        builder.down().error(failure).detail(CAUSE, cause.name())
                .message("EnOS " + describe(cause) + ": " + oneLine(failure.getMessage()));
        EnosApiException api = apiFailure(failure);
        if (api != null) {
            builder.detail(HTTP_STATUS, api.getHttpStatus()).detail(API_CODE, api.getCode());
        }
    }

    private static String describe(EnosHealthCause cause) {
        return switch (cause) {
            case AUTH_REFUSED -> "refused the app credentials";
            case ORG_REFUSED -> "refused the org id";
            case UNREACHABLE -> "unreachable";
            case RATE_LIMITED -> "rate limit reached";
            case GATEWAY_ERROR -> "gateway failed";
            case OTHER -> "call failed";
        };
    }

    private static EnosApiException apiFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EnosApiException api) {
                return api;
            }
        }
        return null;
    }

    /** The gateway's text is untrusted: no line breaks reach a health report or the log that prints it. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ");
    }
}
