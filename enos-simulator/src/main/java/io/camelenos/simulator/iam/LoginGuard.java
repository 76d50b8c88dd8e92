package io.camelenos.simulator.iam;

import io.camelenos.simulator.SimClock;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts wrong passwords per account: after {@link Users#MAX_FAILURES} in a row the account is refused for
 * {@link Users#LOCK} of emulator time (IAM 30429, App Portal 31429). A correct login resets the count.
 */
public final class LoginGuard {

    private final SimClock clock;
    private final Map<String, int[]> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> lockedUntil = new ConcurrentHashMap<>();

    public LoginGuard(SimClock clock) {
        this.clock = clock;
    }

    public boolean locked(String account) {
        Long until = lockedUntil.get(key(account));
        if (until == null) {
            return false;
        }
        if (clock.nowMillis() >= until) {
            lockedUntil.remove(key(account));
            failures.remove(key(account));
            return false;
        }
        return true;
    }

    public void failed(String account) {
        int[] count = failures.computeIfAbsent(key(account), k -> new int[1]);
        synchronized (count) {
            if (++count[0] >= Users.MAX_FAILURES) {
                lockedUntil.put(key(account), clock.nowMillis() + Users.LOCK.toMillis());
            }
        }
    }

    public void succeeded(String account) {
        failures.remove(key(account));
    }

    private static String key(String account) {
        return account.toLowerCase(java.util.Locale.ROOT);
    }
}
