package io.camelenos.component.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Camel {@link StateRepository} in a file that survives a {@code kill -9} at any moment, where Camel's
 * {@code FileStateRepository} does not (it writes key, '=', value and the line feed separately, so a kill between them
 * leaves a torn line that fails the next start).
 * <p>
 * Each change is appended as one whole line in a single write; the loader skips a last line without its line feed (the
 * write a crash cut short) and says so, and any other malformed line with a warning. When the file has grown past
 * twice its live content (and past {@code compactAfterBytes}), it is rewritten into a temporary file that atomically
 * replaces it, so a crash during the rewrite leaves the old file whole. A value written is in the operating system's
 * hands when {@code setState} returns (a killed process loses nothing); {@code sync=true} also forces it to the disk,
 * against a power cut, at the cost of one disk flush per change.
 */
public class CrashSafeFileStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(CrashSafeFileStateRepository.class);

    private final Path file;
    private final Map<String, String> state = new HashMap<>();
    private long compactAfterBytes = 1024 * 1024;
    private boolean sync;
    private FileChannel channel;
    private long fileBytes;
    private long liveBytes;

    public CrashSafeFileStateRepository(Path file) {
        this.file = file;
    }

    public Path getFile() {
        return file;
    }

    public long getCompactAfterBytes() {
        return compactAfterBytes;
    }

    /** The file is rewritten with only the live entries once it exceeds this size and twice their size (1 MB). */
    public void setCompactAfterBytes(long compactAfterBytes) {
        if (compactAfterBytes < 0) {
            throw new IllegalArgumentException("compactAfterBytes must not be negative, was " + compactAfterBytes);
        }
        this.compactAfterBytes = compactAfterBytes;
    }

    public boolean isSync() {
        return sync;
    }

    /** Forces every change to the disk before setState returns (false: a killed process loses nothing anyway). */
    public void setSync(boolean sync) {
        this.sync = sync;
    }

    @Override
    public synchronized String getState(String key) {
        return state.get(key);
    }

    @Override
    public synchronized void setState(String key, String value) {
        if (key == null || value == null) {
            throw new IllegalArgumentException("state key and value must not be null (key " + key + ")");
        }
        if (channel == null) {
            throw new IllegalStateException("The state repository of " + file + " is not started");
        }
        String old = state.put(key, value);
        byte[] line = StateLines.encode(key, value).getBytes(StandardCharsets.UTF_8);
        liveBytes += line.length - (old == null ? 0 : StateLines.encode(key, old).getBytes(StandardCharsets.UTF_8).length);
        try {
            append(line);
            if (fileBytes > compactAfterBytes && fileBytes > 2 * liveBytes) {
                compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the state file " + file, e);
        }
    }

    @Override
    protected synchronized void doStart() throws Exception {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(temporaryFile()); // a rewrite a crash interrupted: the file itself is whole
        boolean clean = load();
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        fileBytes = channel.size();
        if (!clean) {
            compact(); // drop the torn line, so that the next append starts on a line of its own
        }
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    /** Reads the file into memory; false when it had a line to skip. */
    private boolean load() throws IOException {
        state.clear();
        liveBytes = 0;
        if (!Files.exists(file)) {
            return true;
        }
        String content = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = content.lines().toList();
        boolean torn = !content.isEmpty() && !content.endsWith("\n");
        boolean clean = !torn;
        int last = torn ? lines.size() - 1 : lines.size();
        for (int i = 0; i < last; i++) {
            if (!lines.get(i).isEmpty() && !StateLines.decode(lines.get(i), state)) {
                LOG.warn("State file {}: skipped malformed line {}", file, i + 1);
                clean = false;
            }
        }
        if (torn) {
            LOG.warn("State file {}: skipped its last line {}, cut short by a crash while it was written; the entry it "
                     + "changed keeps its previous value", file, lines.size());
        }
        state.forEach((k, v) -> liveBytes += StateLines.encode(k, v).getBytes(StandardCharsets.UTF_8).length);
        return clean;
    }

    private void append(byte[] line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        fileBytes += line.length;
        if (sync) {
            channel.force(false);
        }
    }

    /** Writes the live entries to a temporary file, forces it to disk, and moves it over the file in one step. */
    private void compact() throws IOException {
        Path temporary = temporaryFile();
        StringBuilder content = new StringBuilder();
        state.forEach((k, v) -> content.append(StateLines.encode(k, v)));
        byte[] bytes = content.toString().getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        channel.close();
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        fileBytes = bytes.length;
        liveBytes = bytes.length;
    }

    private Path temporaryFile() {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }
}
