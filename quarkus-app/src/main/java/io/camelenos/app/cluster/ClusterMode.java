package io.camelenos.app.cluster;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.camelenos.app.EtlConfig;
import io.camelenos.app.text.UntrustedText;
import io.quarkus.runtime.StartupEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.master.MasterComponent;
import org.apache.camel.component.master.MasterEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode ({@code camel-enos.cluster.*}): when it is on, each sync route is consumed through Camel's
 * {@code master:} component, so that among the replicas sharing the cluster service exactly one (the leader of the
 * route's namespace) runs it. The cluster service is Camel's own, chosen by {@link ClusterKind}; nothing here elects
 * or locks by itself. When it is off, every route runs here, as before.
 */
@ApplicationScoped
public class ClusterMode {

    /** The prefix of every route's cluster namespace, so that other apps on the same lock directory do not collide. */
    static final String NAMESPACE_PREFIX = "camel-enos-";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterMode.class);
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Inject
    EtlConfig config;

    private final List<String> routeIds = Collections.synchronizedList(new ArrayList<>());
    private CamelClusterService service;
    private Settings settings;

    /** The checked settings; a contradiction or a bad value fails here, at start, naming the key and the value. */
    synchronized Settings settings() {
        if (settings == null) {
            settings = Settings.of(config.cluster());
        }
        return settings;
    }

    /** Checks the settings when the app starts, even when no sync route is enabled. */
    void onStart(@Observes StartupEvent event) {
        settings();
    }

    public boolean enabled() {
        return settings().enabled();
    }

    /** Into how many partition routes the telemetry export is split (1 without cluster mode). */
    public int telemetryPartitions() {
        return enabled() ? settings().telemetryPartitions() : 1;
    }

    /**
     * The endpoint a sync route consumes from: the delegate itself without cluster mode, else {@code master:} over it
     * with the route id as namespace. The delegate must already be in the context under {@code delegateUri}, so that
     * master resolves the very endpoint the caller configured.
     */
    public Endpoint leaderOnly(CamelContext context, String routeId, String delegateUri, Endpoint delegate) {
        routeIds.add(routeId);
        if (!enabled()) {
            return delegate;
        }
        CamelClusterService clusterService = service(context);
        String namespace = NAMESPACE_PREFIX + routeId;
        watchLeadership(clusterService, routeId);
        // built here rather than from a master: URI, which would rebuild the delegate's query and could resolve
        // another endpoint than the one configured (without its state repository and monitor)
        MasterEndpoint master = new MasterEndpoint("master:" + namespace + ":" + delegateUri,
                context.getComponent("master", MasterComponent.class), clusterService, namespace, delegateUri);
        if (master.getEndpoint() != delegate) {
            throw new IllegalStateException("master: resolved another endpoint than the configured one for route "
                                            + routeId);
        }
        return master;
    }

    /** What {@code GET /api/cluster} shows: who this is, the kind, the routes it leads and who leads the others. */
    public ClusterStatus status() {
        Settings s = settings();
        List<String> routes = List.copyOf(routeIds);
        if (!s.enabled()) {
            return new ClusterStatus(s.instanceId(), "none", false, routes, Map.of());
        }
        List<String> leads = new ArrayList<>();
        Map<String, String> leaders = new LinkedHashMap<>();
        CamelClusterService clusterService = currentService();
        for (String routeId : routes) {
            String namespace = NAMESPACE_PREFIX + routeId;
            if (clusterService != null && clusterService.isLeader(namespace)) {
                leads.add(routeId);
            }
            leaders.put(routeId, leaderOf(clusterService, namespace).orElse(null));
        }
        return new ClusterStatus(s.instanceId(), s.kind().label(), true, leads, leaders);
    }

    private synchronized CamelClusterService currentService() {
        return service;
    }

    private static Optional<String> leaderOf(CamelClusterService clusterService, String namespace) {
        if (clusterService == null) {
            return Optional.empty();
        }
        try {
            return clusterService.getView(namespace).getLeader().map(CamelClusterMember::getId);
        } catch (Exception e) {
            return Optional.empty(); // not known now: the view answers again at the next call
        }
    }

    /** The one cluster service of this app, added to the context (which starts and stops it) and given to master:. */
    private synchronized CamelClusterService service(CamelContext context) {
        if (service == null) {
            Settings s = settings();
            service = switch (s.kind()) {
                case FILE -> fileService(s);
                case KUBERNETES -> KubernetesLeases.service(config.cluster(), s.instanceId());
            };
            service.setId(s.instanceId());
            service.setCamelContext(context);
            context.getComponent("master", MasterComponent.class).setService(service);
            try {
                context.addService(service, true, true);
            } catch (Exception e) {
                throw new IllegalStateException("The " + s.kind().label() + " cluster service did not start", e);
            }
            LOG.info("Cluster mode: instance {} elects route leaders with the {} cluster service ({})", s.instanceId(),
                    s.kind().label(), s.describe());
        }
        return service;
    }

    private static CamelClusterService fileService(Settings s) {
        FileLockClusterService file = new FileLockClusterService();
        file.setRoot(s.root().toString());
        file.setAcquireLockInterval(s.interval().toMillis(), TimeUnit.MILLISECONDS);
        file.setAcquireLockDelay(1, TimeUnit.SECONDS);
        file.setHeartbeatTimeoutMultiplier(s.heartbeatTimeoutMultiplier());
        return file;
    }

    private static void watchLeadership(CamelClusterService clusterService, String routeId) {
        try {
            clusterService.getView(NAMESPACE_PREFIX + routeId).addEventListener(
                    (CamelClusterEventListener.Leadership) (view, leader) -> {
                        boolean here = view.getLocalMember().isLeader();
                        LOG.info("Cluster: route {} is now led by {}{}", routeId,
                                leader == null ? "no instance" : UntrustedText.forLog(leader.getId()),
                                here ? " (this instance)" : "");
                    });
        } catch (Exception e) {
            throw new IllegalStateException("No cluster view for route " + routeId, e);
        }
    }

    /** The cluster settings, checked once. */
    record Settings(boolean enabled, ClusterKind kind, String instanceId, int telemetryPartitions, Path root,
                    Duration interval, int heartbeatTimeoutMultiplier) {

        static Settings of(EtlConfig.Cluster c) {
            KubernetesLeases.check(c);
            if (!c.enabled()) {
                forbidWhenOff(c.kind().isPresent(), "kind", c.kind().orElse(null));
                forbidWhenOff(c.file().root().isPresent(), "file.root", c.file().root().orElse(null));
                return new Settings(false, null, instanceId(c), 1, null, null, 0);
            }
            ClusterKind kind = c.kind().filter(k -> !k.isBlank()).map(ClusterKind::parse).orElse(ClusterKind.FILE);
            check(c.telemetryPartitions() >= 1 && c.telemetryPartitions() <= 4096, "telemetry-partitions",
                    c.telemetryPartitions(), "must be between 1 and 4096");
            check(c.file().acquireLockInterval().toMillis() >= 100, "file.acquire-lock-interval",
                    c.file().acquireLockInterval(), "must be at least 100ms");
            check(c.file().heartbeatTimeoutMultiplier() >= 2, "file.heartbeat-timeout-multiplier",
                    c.file().heartbeatTimeoutMultiplier(), "must be at least 2 (a leader must miss more than one beat)");
            return new Settings(true, kind, instanceId(c), c.telemetryPartitions(), lockRoot(c.file().root()),
                    c.file().acquireLockInterval(), c.file().heartbeatTimeoutMultiplier());
        }

        String describe() {
            return switch (kind) {
                case FILE -> "lock directory " + root + ", lock interval " + interval.toMillis()
                             + " ms, a leader is stale after " + heartbeatTimeoutMultiplier + " intervals";
                case KUBERNETES -> "Kubernetes Leases";
            };
        }

        private static String instanceId(EtlConfig.Cluster c) {
            String id = c.instanceId().map(String::strip).or(() -> KubernetesLeases.podName(c))
                    .orElseGet(Settings::hostAndPid);
            check(INSTANCE_ID.matcher(id).matches(), "instance-id", "'" + UntrustedText.forLog(id) + "'",
                    "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            return id;
        }

        private static String hostAndPid() {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
            } catch (UnknownHostException e) {
                host = "host";
            }
            String id = host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
            return id.length() > 64 ? id.substring(id.length() - 64) : id;
        }

        private static Path lockRoot(Optional<String> configured) {
            Path root = configured.filter(r -> !r.isBlank()).map(Path::of)
                    .orElse(Path.of(System.getProperty("java.io.tmpdir"), "camel-enos-cluster"));
            File dir = root.toFile();
            check(!dir.exists() || dir.isDirectory(), "file.root", root, "must be a directory");
            try {
                Files.createDirectories(root);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("camel-enos.cluster.file.root " + root + " cannot be created: "
                                                   + e.getMessage(), e);
            }
            return root;
        }

        private static void forbidWhenOff(boolean set, String key, String value) {
            check(!set, key, "'" + UntrustedText.forLog(value) + "'",
                    "is set but camel-enos.cluster.enabled is false: turn cluster mode on, or remove the setting");
        }

        private static void check(boolean ok, String key, Object value, String rule) {
            if (!ok) {
                throw new IllegalArgumentException("camel-enos.cluster." + key + " " + rule + ", was " + value);
            }
        }
    }
}
