package io.camelenos.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged app ({@code target/quarkus-app/quarkus-run.jar}) run as a user runs it: {@code java -jar}, configured by
 * environment variables only (the test JVM's own environment is not passed on, bar PATH and HOME), on a free port,
 * its whole output (stdout and stderr) in a file the test can read.
 */
public final class PackagedApp implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://([^:/\\s]+|\\[[^]]+]):(\\d+)");

    private final Process process;
    private final Path output;
    private String host;
    private int port;

    private PackagedApp(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts the jar with these environment variables (and a free HTTP port). */
    public static PackagedApp start(String name, Map<String, String> environment) {
        return start(JAR, name, environment);
    }

    /** Starts another build of the app (e.g. the PostgreSQL one) with these environment variables. */
    public static PackagedApp start(Path jar, String name, Map<String, String> environment) {
        try {
            Path output = Files.createTempFile("camel-enos-" + name + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(javaBin(), "-jar", jar.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            Map<String, String> env = builder.environment();
            env.clear();
            env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            env.put("HOME", System.getProperty("user.home"));
            env.put("QUARKUS_HTTP_PORT", "0");
            env.putAll(environment);
            return new PackagedApp(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the app listens; fails with its output if it stops or does not listen in time. */
    public PackagedApp awaitListening(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(output());
            if (listening.find()) {
                host = listening.group(1);
                port = Integer.parseInt(listening.group(2));
                return this;
            }
            if (!process.isAlive()) {
                throw new AssertionError("The app stopped (exit " + process.exitValue() + "):\n" + output());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The app did not listen within " + timeout + ":\n" + output());
    }

    /** Waits for the app to exit by itself; answers its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The app did not exit within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** The address the app reports it listens on. */
    public String host() {
        return host;
    }

    /** http://127.0.0.1:port (reachable whatever address it listens on). */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Everything the app wrote so far. */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the app at once, as {@code kill -9} does (no shutdown hook runs), and waits for it to end. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the app as Ctrl+C would and waits for it to end. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Environment variables of a map literal too long for Map.of. */
    public static Map<String, String> env(String... keysAndValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
