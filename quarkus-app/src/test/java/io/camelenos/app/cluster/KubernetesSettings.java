package io.camelenos.app.cluster;

import java.time.Duration;
import java.util.Optional;

import io.camelenos.app.EtlConfig;

/** {@code camel-enos.cluster.*} settings as SmallRye Config would hand them over, for the kubernetes kind's tests. */
record KubernetesSettings(String namespaceName, String url, String selector, Duration lease, Duration renew,
                          Duration retry) implements EtlConfig.Cluster.Kubernetes {

    /** No kubernetes setting given. */
    static KubernetesSettings none() {
        return new KubernetesSettings(null, null, null, null, null, null);
    }

    KubernetesSettings withNamespace(String value) {
        return new KubernetesSettings(value, url, selector, lease, renew, retry);
    }

    KubernetesSettings withMasterUrl(String value) {
        return new KubernetesSettings(namespaceName, value, selector, lease, renew, retry);
    }

    KubernetesSettings withPodSelector(String value) {
        return new KubernetesSettings(namespaceName, url, value, lease, renew, retry);
    }

    KubernetesSettings withTimes(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
        return new KubernetesSettings(namespaceName, url, selector, leaseDuration, renewDeadline, retryPeriod);
    }

    /** The whole cluster group around these kubernetes settings. */
    EtlConfig.Cluster cluster(boolean enabled, String kind, String instanceId, String fileRoot) {
        KubernetesSettings kubernetes = this;
        return new EtlConfig.Cluster() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Optional<String> kind() {
                return Optional.ofNullable(kind);
            }

            @Override
            public Optional<String> instanceId() {
                return Optional.ofNullable(instanceId);
            }

            @Override
            public int telemetryPartitions() {
                return 8;
            }

            @Override
            public Duration joinInterval() {
                return Duration.ZERO; // every route asks for its lease at once: these tests are about the leases
            }

            @Override
            public File file() {
                return new File() {
                    @Override
                    public Optional<String> root() {
                        return Optional.ofNullable(fileRoot);
                    }

                    @Override
                    public Duration acquireLockInterval() {
                        return Duration.ofSeconds(3);
                    }

                    @Override
                    public int heartbeatTimeoutMultiplier() {
                        return 3;
                    }
                };
            }

            @Override
            public Kubernetes kubernetes() {
                return kubernetes;
            }
        };
    }

    @Override
    public Optional<String> namespace() {
        return Optional.ofNullable(namespaceName);
    }

    @Override
    public Optional<String> masterUrl() {
        return Optional.ofNullable(url);
    }

    @Override
    public Optional<String> podSelector() {
        return Optional.ofNullable(selector);
    }

    @Override
    public Optional<Duration> leaseDuration() {
        return Optional.ofNullable(lease);
    }

    @Override
    public Optional<Duration> renewDeadline() {
        return Optional.ofNullable(renew);
    }

    @Override
    public Optional<Duration> retryPeriod() {
        return Optional.ofNullable(retry);
    }
}
