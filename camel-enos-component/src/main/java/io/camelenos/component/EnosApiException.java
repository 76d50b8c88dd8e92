package io.camelenos.component;

/**
 * An EnOS call that failed: a non-zero API code, a gateway error or an HTTP error. Unchecked so that lazy page
 * iterators can throw it. Its message ends with {@code code: …; requestId: …} and never carries a secret or token.
 */
public class EnosApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String msg;
    private final String requestId;
    private final int httpStatus;
    private final String service;
    private final String operation;

    public EnosApiException(int code, String msg, String requestId, int httpStatus, String service,
                            String operation) {
        super(message(code, msg, requestId, httpStatus, service, operation));
        this.code = code;
        this.msg = msg;
        this.requestId = requestId;
        this.httpStatus = httpStatus;
        this.service = service;
        this.operation = operation;
    }

    private static String message(int code, String msg, String requestId, int httpStatus, String service,
                                  String operation) {
        // msg and requestId come from the gateway: neutralised, so that an answer cannot forge log lines
        return "EnOS " + service + "/" + operation + " failed (HTTP " + httpStatus + "): " + LogSafe.abbreviate(msg)
               + "; code: " + code + "; requestId: " + LogSafe.abbreviate(requestId);
    }

    /** The API code ({@code code} or {@code status} of the envelope), or the HTTP status when there was none. */
    public int getCode() {
        return code;
    }

    public String getMsg() {
        return msg;
    }

    public String getRequestId() {
        return requestId;
    }

    public int getHttpStatus() {
        return httpStatus;
    }

    public String getService() {
        return service;
    }

    public String getOperation() {
        return operation;
    }
}
