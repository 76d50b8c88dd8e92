package io.camelenos.simulator.batch;

import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.iam.Users;
import io.camelenos.simulator.wire.ApiError;

/** Who calls: the {@code userId} of the query, a user of the org (62101), unlocked to write (62105), owner (62103). */
final class BatchAccess {

    private final Users users;
    private final BatchStore store;

    BatchAccess(Users users, BatchStore store) {
        this.users = users;
        this.store = store;
    }

    /** The userId of the query: 62101 when missing or not a user of the org. */
    Users.User user(SimRequest request) {
        String userId = request.query("userId");
        return users.byId(userId == null ? "" : userId)
                .orElseThrow(() -> ApiError.of(62101, "userId does not exist, or it does not match to orgId."));
    }

    /** A user who may change things: 62105 when the account is locked (disabled). */
    Users.User writer(SimRequest request) {
        Users.User user = user(request);
        if (user.state() != 0) {
            throw ApiError.of(62105, "Your account has been locked");
        }
        return user;
    }

    Flow owned(Users.User user, String flowId) {
        return owned(user, store.flow(flowId));
    }

    static Flow owned(Users.User user, Flow flow) {
        if (!flow.ownedBy(user.name())) {
            throw ApiError.of(62103, "User has no privilege.");
        }
        return flow;
    }
}
