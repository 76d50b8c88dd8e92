package io.camelenos.simulator;

import io.camelenos.simulator.http.Router;

/** One EnOS API service of the emulator: registers its endpoints on the router at start-up. */
public interface SimService {
    void register(Router router, SimContext context);
}
