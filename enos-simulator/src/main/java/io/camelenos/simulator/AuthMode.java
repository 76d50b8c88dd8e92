package io.camelenos.simulator;

/** How strictly the emulator checks the gateway credentials of API calls. */
public enum AuthMode {
    /** Token from token/get, unexpired, and a correct apim-signature on every call. */
    STRICT,
    /** Any non-empty apim-accesstoken (what EnOS's Poseidon SDK clients send, which only the real gateway can decrypt). */
    LENIENT
}
