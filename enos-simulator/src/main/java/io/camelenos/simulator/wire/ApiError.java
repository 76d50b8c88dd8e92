package io.camelenos.simulator.wire;

/**
 * A failure answered to the client. Business errors are HTTP 200 with the code in the envelope, as EnOS does;
 * gateway errors (auth, rate limit, unknown path) carry their own HTTP status and a gateway-style body.
 */
public final class ApiError extends RuntimeException {

    private final int code;
    private final int httpStatus;
    private final boolean gateway;

    private ApiError(int code, String msg, int httpStatus, boolean gateway) {
        super(msg, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
        this.gateway = gateway;
    }

    /** A business error inside the service envelope (HTTP 200). */
    public static ApiError of(int code, String msg) {
        return new ApiError(code, msg, 200, false);
    }

    /** A gateway error: HTTP status with body {"status": code, "message": msg}, outside any service envelope. */
    public static ApiError gateway(int httpStatus, int code, String msg) {
        return new ApiError(code, msg, httpStatus, true);
    }

    /** 99400 with EnOS's message shape: {@code Invalid Argument <field>: <detail>}. */
    public static ApiError invalidArgument(String field, String detail) {
        return of(99400, "Invalid Argument " + field + ": " + detail);
    }

    public static ApiError missing(String field) {
        return invalidArgument(field, field + " is missing");
    }

    public static ApiError forbidden(String detail) {
        return of(99403, "Denied resource: " + detail);
    }

    public static ApiError notFound(String what) {
        return of(99404, "Not Found: " + what);
    }

    public static ApiError internal(String detail) {
        return of(99500, "Internal Error: " + detail);
    }

    public int code() {
        return code;
    }

    public String msg() {
        return getMessage();
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean isGateway() {
        return gateway;
    }
}
