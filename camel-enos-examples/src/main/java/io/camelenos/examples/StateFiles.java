package io.camelenos.examples;

import java.io.File;

import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * The file-based state repositories of the polling examples: where the {@code enos:} consumers keep what they have
 * delivered (change detection hashes, TSDB watermarks, alert ids), so that a restart resumes instead of starting over.
 */
final class StateFiles {

    /**
     * Entries are appended to the file until it reaches this size, then it is rewritten with the current entries. It
     * must stay well above the size of the entries themselves, or every write rewrites the whole file.
     */
    static final long MAX_FILE_SIZE = 64L * 1024 * 1024;

    private StateFiles() {
    }

    /** A repository in the file the option names, started and stopped (compacted) with the CamelContext. */
    static FileStateRepository open(CamelContext context, String option) {
        String path = ExampleOptions.required(context, option);
        FileStateRepository repository = FileStateRepository.fileStateRepository(new File(path), MAX_FILE_SIZE);
        try {
            context.addService(repository, true, true);
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
        return repository;
    }
}
