package io.camelenos.kamelets;

import java.io.File;

import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * Makes a Camel {@link FileStateRepository} from a path, for YAML routes: their {@code beans} cannot give the
 * repository its {@code File} (Camel has no String to File conversion and {@code java.io.File} has two one-argument
 * constructors), so a route declares the bean with this factory method instead:
 *
 * <pre>
 * - beans:
 *     - name: assetState
 *       type: io.camelenos.kamelets.StateFiles
 *       factoryMethod: open
 *       constructors:
 *         0: "data/assets.state"
 * </pre>
 */
public final class StateFiles {

    /** The file is compacted when it grows past this; large enough for the change-detection state of 10^5 assets. */
    static final long MAX_FILE_SIZE = 64L * 1024 * 1024;

    private StateFiles() {
    }

    /** A state repository kept in the file at {@code path} (created with its directories when missing). */
    public static FileStateRepository open(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("The state file path is empty: give the file the state is kept in");
        }
        return FileStateRepository.fileStateRepository(new File(path), MAX_FILE_SIZE);
    }
}
