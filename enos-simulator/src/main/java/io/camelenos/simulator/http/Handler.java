package io.camelenos.simulator.http;

import io.camelenos.simulator.wire.ApiError;

/** Serves one endpoint (or one action of it). Returns the envelope's data, or a {@link Reply}; throws {@link ApiError}. */
@FunctionalInterface
public interface Handler {
    Object handle(SimRequest request);
}
