package io.camelenos.app.cluster;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.camelenos.app.EtlConfig;
import io.camelenos.app.text.UntrustedText;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.kubernetes.KubernetesConfiguration;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.apache.camel.component.kubernetes.cluster.lock.KubernetesLockConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code kubernetes} cluster kind ({@code camel-enos.cluster.kubernetes.*}): Camel's
 * {@link KubernetesClusterService}, which keeps one {@code coordination.k8s.io} Lease per route namespace (named
 * {@code leaders-camel-enos-<route id>}) whose holder is the pod leading that route.
 * <p>
 * How Camel's service decides, which the defaults below follow: the candidates are the pods the
 * {@code pod-selector} selects that are Running and Ready, and the lease's holder stays leader for as long as its
 * pod is one of them (the lease is not expired by time). When the holder's pod goes away or turns unready, the first
 * replica to look again (every {@code retry-period}, plus up to 20% jitter) writes itself as holder and starts the
 * route {@code lease-duration} later, so that the last leader has stopped. Hence: failover after the pod is gone =
 * retry period (+ jitter) + lease duration, about 17 s with the defaults.
 */
final class KubernetesLeases {

    static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);
    static final Duration DEFAULT_RENEW_DEADLINE = Duration.ofSeconds(10);
    static final Duration DEFAULT_RETRY_PERIOD = Duration.ofSeconds(2);
    /** Camel's: each look at the Leases comes after retry-period times 1 to 1.2. */
    static final double JITTER_FACTOR = KubernetesLockConfiguration.DEFAULT_JITTER_FACTOR;

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesLeases.class);
    /** A Kubernetes namespace name (an RFC 1123 label). */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** A label key (optional DNS prefix and '/', then a name) and a label value, as Kubernetes allows them. */
    private static final Pattern LABEL_KEY = Pattern.compile(
            "([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

    private KubernetesLeases() {
    }

    /** The checked settings of the kind. */
    record Settings(Optional<String> namespace, Optional<String> masterUrl, Map<String, String> podLabels,
                    Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    }

    /**
     * Fails at start when {@code kubernetes.*} settings are given without cluster mode or with another kind, when
     * kind {@code kubernetes} comes with {@code file.root}, or when a kubernetes setting is malformed.
     */
    static void check(EtlConfig.Cluster c) {
        Optional<String> someSetting = firstSetting(c.kubernetes());
        if (!c.enabled()) {
            someSetting.ifPresent(setting -> fail(setting, "is set but camel-enos.cluster.enabled is false: turn cluster mode on "
                                                   + "with kind kubernetes, or remove the setting"));
            return;
        }
        if (isKind(c)) {
            c.file().root().ifPresent(root -> fail("file.root", "'" + UntrustedText.forLog(root) + "' is set but "
                    + "camel-enos.cluster.kind is kubernetes: remove it (the Leases live in the Kubernetes API)"));
            settings(c.kubernetes());
        } else {
            someSetting.ifPresent(setting -> fail(setting, "is set but camel-enos.cluster.kind is not kubernetes: set "
                                                   + "camel-enos.cluster.kind=kubernetes, or remove the setting"));
        }
    }

    /** With kind kubernetes and no {@code instance-id}, the member id is the pod's name, which Kubernetes gives as HOSTNAME. */
    static Optional<String> podName(EtlConfig.Cluster c) {
        return c.enabled() && isKind(c) ? Optional.ofNullable(System.getenv("HOSTNAME")) : Optional.empty();
    }

    /** Camel's Lease-based cluster service for this member, from checked settings. */
    static CamelClusterService service(EtlConfig.Cluster c, String memberId) {
        Settings s = settings(c.kubernetes());
        // The client settings go in through a configuration: Camel 4.17's service drops its own setMasterUrl and
        // setKubernetesNamespace when it was built without one (its doInit skips them), and would then talk to the
        // default cluster instead of the one configured.
        KubernetesConfiguration client = new KubernetesConfiguration();
        s.masterUrl().ifPresent(client::setMasterUrl);
        s.namespace().ifPresent(client::setNamespace);
        KubernetesClusterService service = new KubernetesClusterService(client);
        service.setLeaseResourceType(LeaseResourceType.Lease);
        // the namespace the Leases and pods are looked up in (unset: the client's, i.e. the pod's own)
        s.namespace().ifPresent(service::setKubernetesResourcesNamespace);
        service.setClusterLabels(s.podLabels());
        service.setPodName(memberId);
        service.setJitterFactor(JITTER_FACTOR);
        service.setLeaseDurationMillis(s.leaseDuration().toMillis());
        service.setRenewDeadlineMillis(s.renewDeadline().toMillis());
        service.setRetryPeriodMillis(s.retryPeriod().toMillis());
        LOG.info("Kubernetes Leases in namespace {} among the pods labelled {}: lease duration {} ms, renew deadline "
                 + "{} ms, retry period {} ms", s.namespace().orElse("(this pod's)"),
                s.podLabels().isEmpty() ? "(any)" : s.podLabels(), s.leaseDuration().toMillis(),
                s.renewDeadline().toMillis(), s.retryPeriod().toMillis());
        return service;
    }

    /** The settings with their defaults, checked as Camel's service would check them, but naming our keys. */
    static Settings settings(EtlConfig.Cluster.Kubernetes k) {
        Duration lease = k.leaseDuration().orElse(DEFAULT_LEASE_DURATION);
        Duration renew = k.renewDeadline().orElse(DEFAULT_RENEW_DEADLINE);
        Duration retry = k.retryPeriod().orElse(DEFAULT_RETRY_PERIOD);
        check(retry.toMillis() >= 100, "kubernetes.retry-period", retry, "must be at least 100ms");
        check(renew.toMillis() > JITTER_FACTOR * retry.toMillis(), "kubernetes.renew-deadline", renew,
                "must be longer than " + JITTER_FACTOR + " x kubernetes.retry-period (" + retry + ")");
        check(lease.compareTo(renew) > 0 && lease.toSeconds() >= 1, "kubernetes.lease-duration", lease,
                "must be at least 1s and longer than kubernetes.renew-deadline (" + renew + ")");
        Optional<String> namespace = k.namespace().map(String::strip).filter(n -> !n.isEmpty());
        namespace.ifPresent(n -> check(NAMESPACE.matcher(n).matches(), "kubernetes.namespace",
                "'" + UntrustedText.forLog(n) + "'", "must be a Kubernetes namespace name (a-z, 0-9, '-', up to 63)"));
        Optional<String> masterUrl = k.masterUrl().map(String::strip).filter(u -> !u.isEmpty());
        masterUrl.ifPresent(KubernetesLeases::checkMasterUrl);
        if (masterUrl.isPresent() && namespace.isEmpty()) {
            fail("kubernetes.namespace", "must be set with camel-enos.cluster.kubernetes.master-url (outside a pod "
                                         + "there is no namespace of its own to default to)");
        }
        return new Settings(namespace, masterUrl, podLabels(k.podSelector()), lease, renew, retry);
    }

    private static boolean isKind(EtlConfig.Cluster c) {
        return c.kind().filter(k -> !k.isBlank()).map(ClusterKind::parse).orElse(null) == ClusterKind.KUBERNETES;
    }

    /** The first kubernetes setting given, as key and value, for the message that says it does not belong. */
    private static Optional<String> firstSetting(EtlConfig.Cluster.Kubernetes k) {
        Map<String, Optional<?>> settings = new LinkedHashMap<>();
        settings.put("kubernetes.namespace", k.namespace());
        settings.put("kubernetes.master-url", k.masterUrl());
        settings.put("kubernetes.pod-selector", k.podSelector());
        settings.put("kubernetes.lease-duration", k.leaseDuration());
        settings.put("kubernetes.renew-deadline", k.renewDeadline());
        settings.put("kubernetes.retry-period", k.retryPeriod());
        return settings.entrySet().stream().filter(e -> e.getValue().isPresent())
                .map(e -> e.getKey() + " '" + UntrustedText.forLog(e.getValue().get()) + "'").findFirst();
    }

    private static void checkMasterUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        boolean web = uri != null && uri.getHost() != null
                      && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        if (web && uri.getRawUserInfo() != null) {
            // the value is not repeated: it holds a credential
            fail("kubernetes.master-url", "must not carry credentials: the client authenticates with the pod's "
                                          + "service account or the kubeconfig");
        }
        check(web, "kubernetes.master-url", "'" + UntrustedText.forLog(url) + "'",
                "must be an http(s) URL of the Kubernetes API server");
    }

    /** {@code key=value,key2=value2} (the equality form of a Kubernetes label selector) as a map. */
    private static Map<String, String> podLabels(Optional<String> selector) {
        Map<String, String> labels = new LinkedHashMap<>();
        String text = selector.map(String::strip).orElse("");
        if (text.isEmpty()) {
            return labels;
        }
        for (String pair : text.split(",")) {
            String[] keyValue = pair.strip().split("=", 2);
            boolean ok = keyValue.length == 2 && LABEL_KEY.matcher(keyValue[0].strip()).matches()
                         && LABEL_VALUE.matcher(keyValue[1].strip()).matches();
            check(ok, "kubernetes.pod-selector", "'" + UntrustedText.forLog(text) + "'",
                    "must be labels key=value separated by commas (e.g. app.kubernetes.io/name=camel-enos)");
            labels.put(keyValue[0].strip(), keyValue[1].strip());
        }
        return labels;
    }

    private static void check(boolean ok, String key, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("camel-enos.cluster." + key + " " + rule + ", was " + value);
        }
    }

    private static void fail(String key, String rule) {
        throw new IllegalArgumentException("camel-enos.cluster." + key + " " + rule);
    }
}
