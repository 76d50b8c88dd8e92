package io.camelenos.component.state;

import java.nio.file.Path;

/**
 * The process {@link CrashSafeFileStateRepositoryTest} kills: it starts a repository on the file given (a failed start
 * exits non-zero), prints "started", then writes without end: "counter" = n, then an entry of up to 3 KB holding
 * line feeds and '=', and prints n once both writes returned (a write the test may expect to find after the kill).
 */
public final class StateWriterMain {

    private StateWriterMain() {
    }

    public static void main(String[] args) {
        CrashSafeFileStateRepository repository = new CrashSafeFileStateRepository(Path.of(args[0]));
        repository.setCompactAfterBytes(64 * 1024); // rewrite often, so that kills land in rewrites too
        repository.start();
        String stored = repository.getState("counter");
        long n = stored == null ? 0 : Long.parseLong(stored);
        System.out.println("started " + n);
        System.out.flush();
        while (true) {
            n++;
            repository.setState("counter", Long.toString(n));
            repository.setState("k" + (n % 50), value(n));
            System.out.println(n);
        }
    }

    /** "n=" then n's digits repeated over lines, so a torn or mixed-up entry does not decode to a valid one. */
    static String value(long n) {
        StringBuilder value = new StringBuilder(n + "=");
        for (int i = 0; i < n % 300; i++) {
            value.append(i % 10 == 9 ? "\n" : "").append(n);
        }
        return value.toString();
    }
}
