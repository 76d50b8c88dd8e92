package io.camelenos.examples;

import java.nio.file.Path;

import io.camelenos.component.state.CrashSafeFileStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;

/**
 * The file-based state repositories of the polling examples: where the {@code enos:} consumers keep what they have
 * delivered (change detection hashes, TSDB watermarks, alert ids), so that a restart resumes instead of starting over.
 */
final class StateFiles {

    private StateFiles() {
    }

    /**
     * A repository in the file the option names, started and stopped with the CamelContext. The component's
     * crash-safe one: a kill at any moment leaves a file the next start reads (Camel's FileStateRepository can leave
     * a torn line that fails it).
     */
    static CrashSafeFileStateRepository open(CamelContext context, String option) {
        String path = ExampleOptions.required(context, option);
        CrashSafeFileStateRepository repository = new CrashSafeFileStateRepository(Path.of(path));
        try {
            context.addService(repository, true, true);
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
        return repository;
    }
}
