package io.camelenos.simulator.http;

import io.camelenos.simulator.wire.ApiError;

/**
 * For services whose docs list {@code Authorization: Bearer <access token>} beside the gateway credentials (Data
 * Federation, Stream Processing). The gateway has already checked the app's token; the header, when sent, must at
 * least be a well-formed bearer. It is not required: EnOS's own 2022 Python samples call these APIs without it.
 */
public final class OptionalBearer {

    private OptionalBearer() {
    }

    public static Handler check(Handler handler) {
        return request -> {
            String header = request.header("authorization");
            if (header != null && !header.matches("(?i)Bearer\\s+\\S+")) {
                throw ApiError.gateway(401, 401, "Invalid authentication credentials");
            }
            return handler.handle(request);
        };
    }
}
