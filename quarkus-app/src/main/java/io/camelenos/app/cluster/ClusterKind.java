package io.camelenos.app.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.camelenos.app.text.UntrustedText;

/** The cluster services the app can elect its route leaders with ({@code camel-enos.cluster.kind}). */
public enum ClusterKind {

    /** Camel's FileLockClusterService: a lock file per route in a directory every replica shares. */
    FILE,

    /** Camel's KubernetesClusterService: a coordination.k8s.io Lease per route, held by the leading pod. */
    KUBERNETES;

    /** The kind named in the configuration (any case); unknown names fail, listing the known ones. */
    public static ClusterKind parse(String name) {
        for (ClusterKind kind : values()) {
            if (kind.label().equalsIgnoreCase(name.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("camel-enos.cluster.kind '" + UntrustedText.forLog(name) + "' is unknown: use "
                                           + Arrays.stream(values()).map(ClusterKind::label)
                                                   .collect(Collectors.joining(", ")));
    }

    /** The name used in the configuration and in {@code GET /api/cluster}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
