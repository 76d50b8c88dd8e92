package io.camelenos.app.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelenos.app.EtlConfig;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three app replicas ({@link ClusterMode} with kind kubernetes, each in a Camel context of its own) elect their route
 * leaders through Camel's Kubernetes Lease service against fabric8's mock API server in CRUD mode, which stores the
 * Leases and Pods they read and write (with resource-version checks, as the real API server does).
 */
class KubernetesLeaseElectionTest {

    private static final String NAMESPACE = "camel-enos-test";
    private static final String SELECTOR_KEY = "app.kubernetes.io/name";
    private static final List<String> ROUTES = List.of("asset-sync", "alert-sync", "telemetry-export-p0");
    // short, but with room for a loaded build machine: a leader drops its routes when it cannot renew in time
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration RENEW = Duration.ofSeconds(2);
    private static final Duration RETRY = Duration.ofMillis(500);
    /** Camel's promise once the leader's pod is gone: a look within retry x jitter, then the lease duration. */
    private static final Duration FAILOVER = Duration.ofMillis(
            (long) (RETRY.toMillis() * KubernetesLeases.JITTER_FACTOR) + LEASE.toMillis());
    /** Room for a slow, shared build machine on top of it (the first calls of each client take seconds there). */
    private static final Duration SLACK = Duration.ofSeconds(10);

    private KubernetesMockServer server;
    private KubernetesClient kubernetes;
    private final Map<String, Replica> replicas = new LinkedHashMap<>();

    @BeforeEach
    void startMockApiServerAndReplicas() throws Exception {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        kubernetes = server.createClient();
        // a pod of another app, Running and Ready: the selector keeps it out of the candidates
        kubernetes.pods().inNamespace(NAMESPACE).resource(pod("other-app-0", "other")).create();
        for (String name : List.of("camel-enos-a", "camel-enos-b", "camel-enos-c")) {
            kubernetes.pods().inNamespace(NAMESPACE).resource(pod(name, "camel-enos")).create();
            replicas.put(name, new Replica(name));
        }
    }

    @AfterEach
    void stopEverything() {
        replicas.values().forEach(Replica::stop);
        if (kubernetes != null) {
            kubernetes.close();
        }
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    void exactlyOneReplicaLeadsEachRouteAndHoldsItsLease() {
        await().atMost(FAILOVER.plus(SLACK)).untilAsserted(() -> ROUTES.forEach(this::assertOneLeaderAgreedByAll));
        for (String route : ROUTES) {
            String leader = holder(route);
            assertEquals((int) LEASE.toSeconds(), lease(route).getSpec().getLeaseDurationSeconds());
            // the route runs on its leader only: the others have no consumer on its endpoint
            for (Replica replica : replicas.values()) {
                Exchange sent = replica.send(route);
                if (replica.name.equals(leader)) {
                    assertNull(sent.getException(), () -> route + " on " + replica.name + ": " + sent.getException());
                } else {
                    assertInstanceOf(DirectConsumerNotAvailableException.class, sent.getException(), route);
                }
            }
        }
        assertTrue(kubernetes.leases().inNamespace(NAMESPACE).list().getItems().stream()
                        .noneMatch(l -> "other-app-0".equals(l.getSpec().getHolderIdentity())),
                "a pod outside the selector never leads");
    }

    @Test
    void whenTheLeadersPodIsGoneAnotherReplicaLeadsWithinRetryPeriodPlusLeaseDuration() {
        await().atMost(FAILOVER.plus(SLACK)).untilAsserted(() -> ROUTES.forEach(this::assertOneLeaderAgreedByAll));
        String route = "asset-sync";
        String oldLeader = holder(route);
        int transitions = transitions(lease(route));

        // what Kubernetes does when a pod dies: its process stops and the pod leaves the list of ready pods
        replicas.remove(oldLeader).stop();
        kubernetes.pods().inNamespace(NAMESPACE).withName(oldLeader).delete();
        long stoppedAt = System.nanoTime();

        // every route the old leader held gets a live leader again
        await().atMost(FAILOVER.plus(SLACK)).untilAsserted(() -> ROUTES.forEach(this::assertOneLeaderAgreedByAll));
        Duration failover = Duration.ofNanos(System.nanoTime() - stoppedAt);
        String newLeader = holder(route);
        assertNotEquals(oldLeader, newLeader);
        System.out.printf("Kubernetes Lease failover: %d ms (lease %d ms, retry period %d ms)%n", failover.toMillis(),
                LEASE.toMillis(), RETRY.toMillis());
        assertEquals(transitions + 1, transitions(lease(route)));
        assertNull(replicas.get(newLeader).send(route).getException(), "the route runs on its new leader");
    }

    /** The Lease in the API server names the leader; it alone runs the route, and every replica knows it. */
    private void assertOneLeaderAgreedByAll(String route) {
        String holder = holder(route);
        List<String> leaders = new ArrayList<>();
        for (Replica replica : replicas.values()) {
            ClusterStatus status = replica.mode.status();
            if (status.leads().contains(route)) {
                leaders.add(replica.name);
            }
        }
        assertEquals(List.of(holder), leaders, () -> route + " is held by " + holder + " and led by " + leaders);
        // and its consumer runs there (master: starts it once the new holder's wait of one lease duration is over)
        assertNull(replicas.get(holder).send(route).getException(), () -> route + " does not run on " + holder);
        for (Replica replica : replicas.values()) {
            assertEquals(holder, replica.mode.status().leaders().get(route),
                    () -> "the leader of " + route + " as " + replica.name + " sees it");
        }
    }

    private String holder(String route) {
        Lease lease = lease(route);
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }

    private Lease lease(String route) {
        // Camel names the Lease "leaders-" + the cluster namespace, which the app derives from the route id
        return kubernetes.leases().inNamespace(NAMESPACE).withName("leaders-" + ClusterMode.NAMESPACE_PREFIX + route)
                .get();
    }

    private static int transitions(Lease lease) {
        Integer transitions = lease.getSpec().getLeaseTransitions();
        return transitions == null ? 0 : transitions;
    }

    private static Pod pod(String name, String app) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE).addToLabels(SELECTOR_KEY, app).endMetadata()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus()
                .build();
    }

    /** One app replica: its own Camel context, ClusterMode and sync routes, named like its pod. */
    private final class Replica {

        final String name;
        final CamelContext context = new DefaultCamelContext();
        final ClusterMode mode = new ClusterMode();

        Replica(String name) throws Exception {
            this.name = name;
            KubernetesSettings settings = KubernetesSettings.none().withNamespace(NAMESPACE)
                    .withMasterUrl("http://127.0.0.1:" + server.getPort()).withPodSelector(SELECTOR_KEY + "=camel-enos")
                    .withTimes(LEASE, RENEW, RETRY);
            mode.config = config(settings.cluster(true, "kubernetes", name, null));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (String route : ROUTES) {
                        String uri = "direct:" + route;
                        Endpoint delegate = getContext().getEndpoint(uri);
                        from(mode.leaderOnly(getContext(), route, uri, delegate)).routeId(route)
                                .log("ran on " + name);
                    }
                }
            });
            context.start();
        }

        Exchange send(String route) {
            // block=false: fail at once where no consumer runs, instead of waiting for one to start
            return context.createProducerTemplate().request("direct:" + route + "?block=false", exchange -> {
            });
        }

        void stop() {
            context.stop();
        }
    }

    /** The app's settings with only the cluster group, the one ClusterMode reads. */
    private static EtlConfig config(EtlConfig.Cluster cluster) {
        return (EtlConfig) Proxy.newProxyInstance(EtlConfig.class.getClassLoader(), new Class<?>[] { EtlConfig.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("cluster")) {
                        return cluster;
                    }
                    throw new UnsupportedOperationException("not a cluster setting: " + method.getName());
                });
    }
}
