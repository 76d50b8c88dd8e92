package io.camelenos.component.client;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One user's login (an IAM session id or an App Portal access token), shared by every endpoint of a component that
 * logs in with the same account on the same gateway: one thread logs in however many need it (single flight), and
 * the token is kept until the service calls it unknown or expired. Neither service's login answer says when an
 * App Portal token expires, so the service's own rejection, not a clock, ends a login.
 */
public final class UserSession {

    private final ReentrantLock lock = new ReentrantLock();
    private volatile String token;

    /** The cached token, or the one {@code login} returns when there is none yet. */
    String token(Supplier<String> login) {
        String cached = token;
        if (cached != null) {
            return cached;
        }
        lock.lock();
        try {
            // another thread may have logged in while this one waited for the lock
            if (token == null) {
                token = login.get();
            }
            return token;
        } finally {
            lock.unlock();
        }
    }

    /** Drops the token the service rejected, unless another thread has already replaced it. */
    void invalidate(String rejected) {
        lock.lock();
        try {
            if (rejected != null && rejected.equals(token)) {
                token = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
