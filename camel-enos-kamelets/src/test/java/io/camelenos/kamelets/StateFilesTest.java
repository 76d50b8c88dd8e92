package io.camelenos.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file state repositories that YAML routes declare through StateFiles. */
class StateFilesTest {

    @TempDir
    Path dir;

    @Test
    void whatOneRepositoryWritesTheNextOneOnTheSameFileReads() throws Exception {
        Path file = dir.resolve("nested/dir/state.dat");
        FileStateRepository first = StateFiles.open(file.toString());
        first.start();
        first.setState("assets.search.1a2b", "42");
        first.stop();
        assertTrue(file.toFile().isFile(), "the file and its directories are created");

        FileStateRepository second = StateFiles.open(file.toString());
        second.start();
        assertEquals("42", second.getState("assets.search.1a2b"));
        assertEquals(StateFiles.MAX_FILE_SIZE, second.getMaxFileStoreSize());
        second.stop();
    }

    @Test
    void anEmptyPathIsRefusedSayingSo() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> StateFiles.open(" "));
        assertTrue(refused.getMessage().startsWith("The state file path is empty"), refused.getMessage());
    }
}
