package io.camelenos.simulator.fault;

/** The failures the emulator can inject into API calls. */
public enum FaultKind {
    /** HTTP 503 with the gateway body {"message": "Service unavailable"}. */
    HTTP_503,
    /** HTTP 500 with the gateway body {"message": "An unexpected error occurred"}. */
    HTTP_500,
    /** HTTP 429 with a Retry-After header. */
    RATE_LIMIT,
    /** The connection is closed before any response byte is sent. */
    DROP,
    /** HTTP 200 with a body cut in the middle of the JSON. */
    MALFORMED,
    /** A business error 99500 (internal error) inside the normal envelope. */
    INTERNAL_ERROR,
    /** HTTP 200 with the full Content-Length announced, then the connection closed half-way through the body. */
    RESET_MID_BODY,
    /** The normal answer, its body sent in small pieces spread over {@code trickleMillis}. */
    TRICKLE
}
