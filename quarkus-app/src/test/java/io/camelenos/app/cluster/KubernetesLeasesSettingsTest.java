package io.camelenos.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.camelenos.app.EtlConfig;
import org.junit.jupiter.api.Test;

/** The kubernetes kind's settings: defaults, and the contradictions and bad values refused at start. */
class KubernetesLeasesSettingsTest {

    private static final KubernetesSettings NONE = KubernetesSettings.none();

    @Test
    void kindKubernetesAloneTakesDefaultsThatFailOverWithinThirtySeconds() {
        ClusterMode.Settings s = ClusterMode.Settings.of(NONE.cluster(true, "kubernetes", "pod-a", null));
        assertEquals(ClusterKind.KUBERNETES, s.kind());
        assertEquals("pod-a", s.instanceId());
        KubernetesLeases.Settings k = KubernetesLeases.settings(NONE);
        assertEquals(Optional.empty(), k.namespace());
        assertEquals(Map.of(), k.podLabels());
        long worstFailover = (long) (k.retryPeriod().toMillis() * KubernetesLeases.JITTER_FACTOR)
                             + k.leaseDuration().toMillis();
        assertTrue(worstFailover <= 30_000, "failover after the pod is gone: " + worstFailover + " ms");
        assertTrue(k.renewDeadline().compareTo(k.leaseDuration()) < 0);
    }

    @Test
    void kindNamesAreCaseInsensitive() {
        assertEquals(ClusterKind.KUBERNETES,
                ClusterMode.Settings.of(NONE.cluster(true, "Kubernetes", "pod-a", null)).kind());
    }

    @Test
    void thePodSelectorBecomesClusterLabels() {
        KubernetesLeases.Settings k = KubernetesLeases.settings(
                NONE.withPodSelector(" app.kubernetes.io/name=camel-enos, tier = etl "));
        assertEquals(Map.of("app.kubernetes.io/name", "camel-enos", "tier", "etl"), k.podLabels());
    }

    @Test
    void kubernetesSettingsWithAnotherKindOrWithoutClusterModeFail() {
        assertEquals("camel-enos.cluster.kubernetes.namespace 'etl' is set but camel-enos.cluster.kind is not "
                     + "kubernetes: set camel-enos.cluster.kind=kubernetes, or remove the setting",
                fails(NONE.withNamespace("etl").cluster(true, "file", "a", null)));
        assertTrue(fails(NONE.withTimes(Duration.ofSeconds(20), null, null).cluster(true, null, "a", null))
                .startsWith("camel-enos.cluster.kubernetes.lease-duration 'PT20S' is set but camel-enos.cluster.kind "
                            + "is not kubernetes"));
        assertTrue(fails(NONE.withPodSelector("app=x").cluster(false, null, "a", null))
                .startsWith("camel-enos.cluster.kubernetes.pod-selector 'app=x' is set but "
                            + "camel-enos.cluster.enabled is false"));
    }

    @Test
    void aFileRootWithKindKubernetesFails() {
        assertEquals("camel-enos.cluster.file.root '/shared/locks' is set but camel-enos.cluster.kind is kubernetes: "
                     + "remove it (the Leases live in the Kubernetes API)",
                fails(NONE.cluster(true, "kubernetes", "a", "/shared/locks")));
    }

    @Test
    void timesThatCamelsServiceWouldRefuseFailNamingOurKeys() {
        assertEquals("camel-enos.cluster.kubernetes.lease-duration must be at least 1s and longer than "
                     + "kubernetes.renew-deadline (PT10S), was PT10S",
                fails(NONE.withTimes(Duration.ofSeconds(10), null, null)));
        assertEquals("camel-enos.cluster.kubernetes.renew-deadline must be longer than 1.2 x kubernetes.retry-period "
                     + "(PT5S), was PT6S", fails(NONE.withTimes(null, Duration.ofSeconds(6), Duration.ofSeconds(5))));
        assertEquals("camel-enos.cluster.kubernetes.retry-period must be at least 100ms, was PT0.05S",
                fails(NONE.withTimes(null, null, Duration.ofMillis(50))));
    }

    @Test
    void malformedNamesAndUrlsFailNamingTheKeyAndTheValue() {
        assertEquals("camel-enos.cluster.kubernetes.namespace must be a Kubernetes namespace name (a-z, 0-9, '-', up "
                     + "to 63), was 'Prod_NS'", fails(NONE.withNamespace("Prod_NS")));
        assertTrue(fails(NONE.withPodSelector("app in (a,b)"))
                .startsWith("camel-enos.cluster.kubernetes.pod-selector must be labels key=value separated by commas"));
        assertEquals("camel-enos.cluster.kubernetes.master-url must be an http(s) URL of the Kubernetes API server, "
                     + "was 'ftp://k8s:6443'", fails(NONE.withNamespace("etl").withMasterUrl("ftp://k8s:6443")));
        assertTrue(fails(NONE.withMasterUrl("https://k8s:6443"))
                .startsWith("camel-enos.cluster.kubernetes.namespace must be set with "
                            + "camel-enos.cluster.kubernetes.master-url"));
        assertEquals("camel-enos.cluster.kubernetes.master-url 'ftp\\n://x' is set but camel-enos.cluster.kind is not "
                     + "kubernetes: set camel-enos.cluster.kind=kubernetes, or remove the setting",
                fails(NONE.withMasterUrl("ftp\n://x").cluster(true, "file", "a", null)));
    }

    @Test
    void aMasterUrlWithCredentialsFailsWithoutRepeatingThem() {
        String message = fails(NONE.withNamespace("etl").withMasterUrl("https://admin:s3cret-token@k8s:6443"));
        assertTrue(message.startsWith("camel-enos.cluster.kubernetes.master-url must not carry credentials"), message);
        assertFalse(message.contains("s3cret-token"), message);
    }

    private static String fails(KubernetesSettings kubernetes) {
        return fails(kubernetes.cluster(true, "kubernetes", "pod-a", null));
    }

    private static String fails(EtlConfig.Cluster cluster) {
        return assertThrows(IllegalArgumentException.class, () -> ClusterMode.Settings.of(cluster)).getMessage();
    }
}
