package io.camelenos.component.consumer;

import java.util.Objects;

import io.camelenos.component.EnosConfiguration;
import io.camelenos.component.EnosEndpoint;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Where a consumer keeps its state: the repository, and the default prefix of its entries: the operation and a hash of the options that
 * select the records, so that two routes reading different things never share state, while scheduler options (delay,
 * ...) can change without losing it.
 */
final class StateKeys {

    private StateKeys() {
    }

    /**
     * The consumer's state repository, started: the configured one, else an in-memory one that lives with the
     * endpoint, so that a route stopped and started again in the same CamelContext keeps its state.
     */
    static StateRepository<String, String> repository(EnosEndpoint endpoint) {
        EnosConsumerConfiguration options = endpoint.getConsumerConfiguration();
        if (options.getStateRepository() == null) {
            options.setStateRepository(new MemoryStateRepository());
        }
        ServiceHelper.startService(options.getStateRepository());
        return options.getStateRepository();
    }

    static String of(EnosEndpoint endpoint) {
        String configured = endpoint.getConsumerConfiguration().getStateKey();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        EnosConfiguration c = endpoint.getConfiguration();
        int selection = Objects.hash(c.getOrgId(), c.getExpression(), c.getProjection(), c.getAssetIds(),
                c.getPointIds(), c.getTreeId(), c.getAssetId(), c.getModelId(),
                endpoint.getConsumerConfiguration().getBody(), endpoint.getConsumerConfiguration().getAssetExpression());
        // FileStateRepository keys must not contain '=' or a line break: service, operation and hex never do
        String key = endpoint.getService() + "." + endpoint.getOperation() + "." + Integer.toHexString(selection);
        // each partition has its own state; an endpoint without one keeps the key it always had
        AssetPartition partition = AssetPartition.parse(endpoint.getConsumerConfiguration().getPartition());
        return partition == null ? key : key + ".p" + partition.index() + "of" + partition.count();
    }
}
