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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.camelenos.app.EtlConfig;
import io.camelenos.app.text.UntrustedText;
import io.quarkus.runtime.StartupEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.StartupListener;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.master.MasterComponent;
import org.apache.camel.component.master.MasterEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode ({@code camel-enos.cluster.*}): when it is on, each sync route is consumed through Camel's
 * {@code master:} component, so that among the replicas sharing the cluster service exactly one (the leader of the
 * route's namespace) runs it. The cluster service is Camel's own, chosen by {@link ClusterKind}; nothing here elects
 * or locks by itself. In cluster mode the routes do not start with the context: they join their elections one at a
 * time, in an order of this replica's own ({@link JoinOrder}), so that replicas starting together share the routes.
 * When it is off, every route runs here, as before.
 */
@ApplicationScoped
public class ClusterMode {

    /** The prefix of every route's cluster namespace, so that other apps on the same lock directory do not collide. */
    static final String NAMESPACE_PREFIX = "camel-enos-";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterMode.class);
    /** The longest pause between two routes whose elections a replica joins at start. */
    static final Duration MAX_JOIN_INTERVAL = Duration.ofMinutes(1);
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Inject
    EtlConfig config;

    private final List<String> routeIds = Collections.synchronizedList(new ArrayList<>());
    /** The routes whose election this replica has joined so far (see JoinOrder). */
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
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

    /** Whether the sync routes start with the Camel context (no cluster mode), or later, one by one (cluster mode). */
    public boolean startsWithContext() {
        return !enabled();
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
            leaders.put(routeId, leaderOf(clusterService, routeId).orElse(null));
        }
        return new ClusterStatus(s.instanceId(), s.kind().label(), true, leads, leaders);
    }

    private synchronized CamelClusterService currentService() {
        return service;
    }

    /**
     * The route's leader as the cluster service reports it, only for a route this replica has joined: asking for the
     * view of any other would make this replica join its election now (getView starts a view), out of its join order.
     */
    private Optional<String> leaderOf(CamelClusterService clusterService, String routeId) {
        if (clusterService == null || !joined.contains(routeId)) {
            return Optional.empty();
        }
        try {
            CamelClusterView view = clusterService.getView(NAMESPACE_PREFIX + routeId);
            try {
                return view.getLeader().map(CamelClusterMember::getId);
            } finally {
                clusterService.releaseView(view); // the route's consumer holds it; this call only borrowed it
            }
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
            joinElectionsOnceStarted(context);
        }
        return service;
    }

    private void joinElectionsOnceStarted(CamelContext context) {
        try {
            context.addStartupListener(new StartupListener() {
                @Override
                public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                    // the routes join once the context has fully started, when every sync route is known
                }

                @Override
                public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
                    joinElections(started);
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("Cluster mode cannot watch the Camel context start", e);
        }
    }

    /**
     * Starts the sync routes one by one in this replica's join order: a route's master: consumer then asks the cluster
     * service for its leadership. The executor is the context's, so a context that stops first cancels what waits.
     */
    private void joinElections(CamelContext context) {
        Settings s = settings();
        Map<String, Duration> delays = new JoinOrder(s.joinInterval()).delays(s.instanceId(), List.copyOf(routeIds));
        ScheduledExecutorService starter = context.getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "camel-enos-cluster-start");
        delays.forEach((routeId, delay) ->
                starter.schedule(() -> joinElection(context, routeId), delay.toMillis(), TimeUnit.MILLISECONDS));
        LOG.info("Cluster: instance {} joins the route elections in this order, one every {} ms: {}", s.instanceId(),
                s.joinInterval().toMillis(), delays.keySet());
    }

    private void joinElection(CamelContext context, String routeId) {
        try {
            context.getRouteController().startRoute(routeId);
            watchLeadership(currentService(), routeId);
            joined.add(routeId);
        } catch (Exception e) {
            LOG.error("Cluster: route {} did not start, so this instance cannot lead it", routeId, e);
        }
    }

    private static CamelClusterService fileService(Settings s) {
        FileLockClusterService file = new FileLockClusterService();
        file.setRoot(s.root().toString());
        file.setAcquireLockInterval(s.interval().toMillis(), TimeUnit.MILLISECONDS);
        file.setAcquireLockDelay(1, TimeUnit.SECONDS);
        file.setHeartbeatTimeoutMultiplier(s.heartbeatTimeoutMultiplier());
        return file;
    }

    /**
     * Logs the route's leadership changes (not the "no leader" the view reports when the route joins); the view is the
     * one the route's master: consumer holds (and releases).
     */
    private static void watchLeadership(CamelClusterService clusterService, String routeId) {
        AtomicReference<String> logged = new AtomicReference<>();
        try {
            CamelClusterView view = clusterService.getView(NAMESPACE_PREFIX + routeId);
            view.addEventListener(
                    (CamelClusterEventListener.Leadership) (changed, leader) -> {
                        String id = leader == null ? null : leader.getId();
                        if (Objects.equals(logged.getAndSet(id), id)) {
                            return;
                        }
                        boolean here = changed.getLocalMember().isLeader();
                        LOG.info("Cluster: route {} is now led by {}{}", routeId,
                                id == null ? "no instance" : UntrustedText.forLog(id), here ? " (this instance)" : "");
                    });
            clusterService.releaseView(view);
        } catch (Exception e) {
            throw new IllegalStateException("No cluster view for route " + routeId, e);
        }
    }

    /** The cluster settings, checked once. */
    record Settings(boolean enabled, ClusterKind kind, String instanceId, int telemetryPartitions, Duration joinInterval,
                    Path root, Duration interval, int heartbeatTimeoutMultiplier) {

        static Settings of(EtlConfig.Cluster c) {
            KubernetesLeases.check(c);
            if (!c.enabled()) {
                forbidWhenOff(c.kind().isPresent(), "kind", c.kind().orElse(null));
                forbidWhenOff(c.file().root().isPresent(), "file.root", c.file().root().orElse(null));
                return new Settings(false, null, instanceId(c), 1, Duration.ZERO, null, null, 0);
            }
            ClusterKind kind = c.kind().filter(k -> !k.isBlank()).map(ClusterKind::parse).orElse(ClusterKind.FILE);
            check(c.telemetryPartitions() >= 1 && c.telemetryPartitions() <= 4096, "telemetry-partitions",
                    c.telemetryPartitions(), "must be between 1 and 4096");
            check(!c.joinInterval().isNegative() && c.joinInterval().compareTo(MAX_JOIN_INTERVAL) <= 0, "join-interval",
                    c.joinInterval(), "must be between 0 and " + MAX_JOIN_INTERVAL);
            check(c.file().acquireLockInterval().toMillis() >= 100, "file.acquire-lock-interval",
                    c.file().acquireLockInterval(), "must be at least 100ms");
            check(c.file().heartbeatTimeoutMultiplier() >= 2, "file.heartbeat-timeout-multiplier",
                    c.file().heartbeatTimeoutMultiplier(), "must be at least 2 (a leader must miss more than one beat)");
            return new Settings(true, kind, instanceId(c), c.telemetryPartitions(), c.joinInterval(),
                    kind == ClusterKind.FILE ? lockRoot(c.file().root()) : null, // only the file kind locks files
                    c.file().acquireLockInterval(), c.file().heartbeatTimeoutMultiplier());
        }

        String describe() {
            String join = ", joins a route's election every " + joinInterval.toMillis() + " ms at start";
            return switch (kind) {
                case FILE -> "lock directory " + root + ", lock interval " + interval.toMillis()
                             + " ms, a leader is stale after " + heartbeatTimeoutMultiplier + " intervals" + join;
                case KUBERNETES -> "Kubernetes Leases" + join;
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
