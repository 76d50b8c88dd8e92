package io.camelenos.component.consumer;

import java.util.Objects;

import io.camelenos.component.EnosConfiguration;
import io.camelenos.component.EnosEndpoint;

/**
 * The default prefix of a consumer's entries in a state repository: the operation and a hash of the options that
 * select the records, so that two routes reading different things never share state, while scheduler options (delay,
 * ...) can change without losing it.
 */
final class StateKeys {

    private StateKeys() {
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
        return endpoint.getService() + "." + endpoint.getOperation() + "." + Integer.toHexString(selection);
    }
}
