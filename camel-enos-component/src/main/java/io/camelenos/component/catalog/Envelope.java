package io.camelenos.component.catalog;

/**
 * The response envelope styles the EnOS gateway services use (reference §0).
 */
public enum Envelope {
    /** DM services and TSDB v2.1: {@code {code, msg, requestId, data[, pagination]}}, 0 = success. */
    CODE,
    /** TSDB v2.0, TSDB policy and token service: {@code {status, msg, submsg, requestId, data}}, 0 = success. */
    STATUS,
    /** Application Portal: {@code {code, message, data}}, 200 = success (0 in the v2.2 doc samples: success too). */
    PORTAL,
    /**
     * IAM: no data member, {@code {success, fail, status, message, session|organization|...}}; {@code success: true}
     * is success, the code is {@code status}, and the whole answer is the data.
     */
    IAM
}
