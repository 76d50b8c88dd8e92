package io.camelenos.component.state;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrashSafeFileStateRepositoryTest {

    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void entriesWithLineBreaksBackslashesAndEqualSignsSurviveARestart() {
        Path file = dir.resolve("state");
        CrashSafeFileStateRepository repository = started(file);
        repository.setState("a=b", "x\ny\\z=\r");
        repository.setState("plain", "1");
        repository.setState("plain", "2");
        repository.stop();

        CrashSafeFileStateRepository again = started(file);
        assertEquals("x\ny\\z=\r", again.getState("a=b"));
        assertEquals("2", again.getState("plain"));
        assertNull(again.getState("a"));
        again.stop();
    }

    @Test
    void aTornLastLineIsSkippedAndTheEntryKeepsItsPreviousValue() throws IOException {
        Path file = dir.resolve("torn");
        Files.writeString(file, "watermark=100\nother=1\nwatermark=2", StandardCharsets.UTF_8);

        CrashSafeFileStateRepository repository = started(file);

        assertEquals("100", repository.getState("watermark"));
        assertEquals("1", repository.getState("other"));
        repository.setState("next", "3"); // starts on a line of its own: the torn bytes were dropped at start
        repository.stop();
        assertEquals("3", started(file).getState("next"));
        assertTrue(Files.readString(file).endsWith("\n"));
    }

    @Test
    void aMalformedLineInTheMiddleIsSkippedNotFatal() throws IOException {
        Path file = dir.resolve("malformed");
        Files.writeString(file, "a=1\nno equal sign\nb=bad escape \\q\nc=3\n", StandardCharsets.UTF_8);

        CrashSafeFileStateRepository repository = started(file);

        assertEquals("1", repository.getState("a"));
        assertNull(repository.getState("b"));
        assertEquals("3", repository.getState("c"));
    }

    @Test
    void theFileIsCompactedOnceItHoldsMostlyOldValues() throws IOException {
        Path file = dir.resolve("compact");
        CrashSafeFileStateRepository repository = new CrashSafeFileStateRepository(file);
        repository.setCompactAfterBytes(10_000);
        repository.start();
        for (int i = 0; i < 10_000; i++) {
            repository.setState("counter", Integer.toString(i));
        }
        assertTrue(Files.size(file) < 20_000, "size after 10,000 writes of one key: " + Files.size(file));
        repository.stop();
        assertEquals("9999", started(file).getState("counter"));
    }

    /**
     * Twenty {@code kill -9} at random moments of a process writing without pause (compactions included): every start
     * succeeds and finds every write the process had finished before it was killed.
     */
    @Test
    void twentyKillsAtRandomMomentsNeverFailARestartNorLoseAFinishedWrite() throws Exception {
        Path file = dir.resolve("killed.state");
        Random random = new Random();
        long restartsAfterTornLine = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Path errors = dir.resolve("stderr-" + kill);
            Process process = writer(file, errors);
            AtomicLong acknowledged = new AtomicLong(-1);
            AtomicReference<String> startLine = new AtomicReference<>();
            Thread reader = readAcknowledgements(process, acknowledged, startLine);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (startLine.get() == null && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(startLine.get() != null, "restart " + kill + " failed: " + Files.readString(errors));
            Thread.sleep(20 + random.nextInt(400));
            process.destroyForcibly(); // SIGKILL
            process.waitFor();
            reader.join();
            if (Files.readString(errors).contains("cut short by a crash")) {
                restartsAfterTornLine++;
            }

            CrashSafeFileStateRepository check = started(file);
            long stored = Long.parseLong(check.getState("counter"));
            assertTrue(stored >= acknowledged.get(), "lost finished writes: stored " + stored + ", acknowledged "
                                                     + acknowledged.get());
            for (int k = 0; k < 50; k++) {
                String value = check.getState("k" + k);
                if (value != null) {
                    long n = Long.parseLong(value.substring(0, value.indexOf('=')));
                    assertEquals(StateWriterMain.value(n), value, "entry k" + k);
                }
            }
            check.stop();
        }
        System.out.println("kill -9 restarts: " + KILLS + ", after a torn last line: " + restartsAfterTornLine);
    }

    private static CrashSafeFileStateRepository started(Path file) {
        CrashSafeFileStateRepository repository = new CrashSafeFileStateRepository(file);
        repository.start();
        return repository;
    }

    private static Process writer(Path file, Path errors) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), StateWriterMain.class.getName(), file.toString())
                .redirectError(errors.toFile())
                .start();
    }

    private static Thread readAcknowledgements(Process process, AtomicLong acknowledged,
                                               AtomicReference<String> startLine) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("started")) {
                        startLine.set(line);
                    } else if (!line.isEmpty() && line.chars().allMatch(Character::isDigit)) {
                        acknowledged.set(Long.parseLong(line)); // a line cut by the kill has fewer digits: ignored
                    }
                }
            } catch (IOException e) {
                // the pipe closes with the process
            }
        });
        reader.start();
        return reader;
    }
}
