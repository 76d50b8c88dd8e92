package io.camelenos.bench.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ReplayServer} in a JVM of its own, started with this JVM's java and class path, so that its CPU time is
 * not the client's. Closing it closes the child's stdin, which ends it.
 */
public final class ReplayProcess implements AutoCloseable {

    private final Process process;
    private final JsonNode info;

    private ReplayProcess(Process process, JsonNode info) {
        this.process = process;
        this.info = info;
    }

    /**
     * @param assets      assets of the emulated org
     * @param delayMillis the delay added to every answer (0 for none)
     */
    public static ReplayProcess start(int assets, long delayMillis) throws IOException {
        return start(assets, delayMillis, true);
    }

    /**
     * @param record false to forward every request to the emulator instead (for results too large to hold)
     */
    public static ReplayProcess start(int assets, long delayMillis, boolean record) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), ReplayServer.class.getName(),
                "--assets", Integer.toString(assets), "--delay-ms", Long.toString(delayMillis),
                "--record", Boolean.toString(record)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("{")) {
            // the emulator's own start-up line comes first
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("the replay server ended before it was ready (exit " + exitCode(process) + ")");
        }
        return new ReplayProcess(process, new ObjectMapper().readTree(line));
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "none";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    public String url() {
        return info.path("url").asText();
    }

    public String orgId() {
        return info.path("orgId").asText();
    }

    public String appKey() {
        return info.path("appKey").asText();
    }

    public String appSecret() {
        return info.path("appSecret").asText();
    }

    /** Ids of wind turbines of the org (20 at most). */
    public List<String> turbines() {
        List<String> ids = new ArrayList<>();
        info.path("turbines").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
