package io.camelenos.app;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Greps an app's whole output for secrets: the canary values the test configured, HTTP Basic credentials built from
 * them, EnOS access tokens (the emulator's start with {@code APP_}) and signatures or encryption hashes (64 hex
 * digits, what EnOS's SHA-256 looks like).
 */
final class LogCanary {

    private static final Pattern TOKEN = Pattern.compile("APP_[0-9a-fA-F]{16,}");
    private static final Pattern SHA256_HEX = Pattern.compile("(?<![0-9a-fA-F])[0-9a-f]{64}(?![0-9a-fA-F])");

    private LogCanary() {
    }

    /** What the output gives away; empty when nothing. */
    static List<String> leaks(String output, String user, String password, String... secrets) {
        List<String> leaks = new ArrayList<>();
        List<String> canaries = new ArrayList<>(List.of(secrets));
        canaries.add(password);
        for (String canary : canaries) {
            if (output.contains(canary)) {
                leaks.add("a configured secret: " + canary);
            }
        }
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        if (output.contains(basic)) {
            leaks.add("HTTP Basic credentials: " + basic);
        }
        find(TOKEN, output, "an access token", leaks);
        find(SHA256_HEX, output, "a signature or hash", leaks);
        return leaks;
    }

    private static void find(Pattern pattern, String output, String what, List<String> leaks) {
        Matcher matcher = pattern.matcher(output);
        while (matcher.find()) {
            leaks.add(what + ": " + matcher.group());
        }
    }
}
