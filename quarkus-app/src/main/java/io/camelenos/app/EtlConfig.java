package io.camelenos.app;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The app's own settings ({@code camel-enos.*} in {@code application.properties}). The {@code enos:} component's
 * options are not here: they live under {@code camel.component.enos.*}, as for any Camel component.
 */
@ConfigMapping(prefix = "camel-enos")
public interface EtlConfig {

    /** The EnOS emulator the app starts when no gateway URL is configured. */
    Emulator emulator();

    /** Who may call the app's API: the credentials of its writer and reader users. */
    Api api();

    /** The EnOS readiness check. */
    Health health();

    /** What the three sync flows share: progress logging and the retries of a failed write. */
    Sync sync();

    /** The asset sync flow: EnOS assets into {@code enos_asset}. */
    Assets assets();

    /** The telemetry export flow: TSDB raw data into {@code enos_telemetry}. */
    Telemetry telemetry();

    /** The alert sync flow: EnOS active and recovered alerts into {@code enos_alert}. */
    Alerts alerts();

    /** Cluster mode: several replicas on one database share the sync flows, one leader per route. */
    Cluster cluster();

    interface Emulator {

        /**
         * Unset: the embedded emulator runs when no gateway URL is set and the database is the embedded H2. True: it
         * runs whatever the database (and the gateway URL must be unset). False: never (a gateway URL is required).
         */
        Optional<Boolean> enabled();

        /** Port of the embedded emulator; 0 takes any free port. */
        @WithDefault("0")
        int port();

        /** How many assets (sites and devices) the emulated org holds. */
        @WithDefault("500")
        int assets();

        /** Seed of the emulator's generated data set. */
        @WithDefault("42")
        long seed();
    }

    interface Api {

        /** The user who may update EnOS assets (role writer) and read the data API (role reader). */
        Credentials writer();

        /** A user who may only read the data API (role reader). */
        Credentials reader();
    }

    interface Credentials {

        /** The user name; unset = no such user. */
        Optional<String> username();

        /** The password (at least 12 characters); from the environment, never from a file in the repository. */
        Optional<String> password();
    }

    interface Health {

        /**
         * The cheap call that proves EnOS is reachable and accepts our credentials. Any answer in an EnOS envelope
         * (even "asset not found") proves both; retries are off so that the check answers quickly.
         */
        @WithDefault("enos:asset/get?assetId=camel-enos-readiness-probe&maxRetries=0&requestTimeout=5000")
        String probeUri();

        /** How long one probe result is reused, so that frequent health polls do not hammer EnOS. */
        @WithDefault("5s")
        Duration cacheTtl();
    }

    interface Sync {

        /** How often a long poll logs its progress (pages, records, records per second); 0 = only the summary. */
        @WithDefault("5s")
        Duration progressInterval();

        /** How often a failed database write (or alert forward) is tried again before the record is left to the next poll. */
        @WithDefault("2")
        int writeRetries();

        /** The wait between those tries. */
        @WithDefault("1s")
        Duration writeRetryDelay();
    }

    interface Assets {

        @WithDefault("true")
        boolean enabled();

        /** The pause between the end of one asset poll and the start of the next. */
        @WithDefault("60s")
        Duration delay();

        /** Assets per search page (EnOS allows at most 1000). */
        @WithDefault("1000")
        int pageSize();

        /** An EnOS search expression choosing the assets to keep in sync; unset = every asset of the org. */
        Optional<String> expression();

        /** Further {@code enos:asset/search} endpoint options, appended to the URI as they are (a=1&b=2). */
        Optional<String> options();
    }

    interface Telemetry {

        @WithDefault("true")
        boolean enabled();

        /** The pause between the end of one telemetry poll and the start of the next. */
        @WithDefault("30s")
        Duration delay();

        /**
         * Records per (asset, point) of one TSDB request; the component cuts requests to EnOS's limits. Small enough
         * that one answer (page size x pairs records, one transaction) reaches the table within seconds.
         */
        @WithDefault("100")
        int pageSize();

        /** Assets to export, by id. */
        Optional<List<String>> assetIds();

        /** An asset search expression whose assets are exported too; the consumer resolves it again at every poll. */
        Optional<String> assetExpression();

        /** The measure points to export (required while the flow is enabled). */
        Optional<List<String>> pointIds();

        /** Where a pair with no watermark yet starts: a duration before now (PT1H, P7D) or an ISO 8601 instant. */
        @WithDefault("PT1H")
        String startTime();

        /** Unset = follow the series up to now at every poll; an instant or duration before now = a bounded backfill. */
        Optional<String> endTime();

        /** How far before each watermark every poll reads again, for late data (already written samples are skipped). */
        @WithDefault("10m")
        Duration lookback();

        /** Further {@code enos:tsdb/read} endpoint options, appended to the URI as they are. */
        Optional<String> options();
    }

    interface Alerts {

        @WithDefault("true")
        boolean enabled();

        /** The pause between the end of one alert poll and the start of the next. */
        @WithDefault("30s")
        Duration delay();

        /** Alerts per search page. */
        @WithDefault("100")
        int pageSize();

        /** An EnOS alert search expression choosing the alerts to follow; unset = every active alert of the org. */
        Optional<String> expression();

        /**
         * A Camel endpoint URI every synced alert is also sent to (JSON text, with the CamelEnosEventId and
         * CamelEnosAlertState headers); unset = none.
         */
        Optional<String> forwardUri();

        /** Further {@code enos:alert/searchActiveAlerts} endpoint options, appended to the URI as they are. */
        Optional<String> options();
    }

    interface Cluster {

        /** Off: this instance runs every flow. On: each sync route runs on one replica at a time (its leader). */
        @WithDefault("false")
        boolean enabled();

        /** The cluster service: {@code file} (a lock directory shared by the replicas, the default). */
        Optional<String> kind();

        /** This replica's name in the cluster; unset = host name and process id. */
        Optional<String> instanceId();

        /** Into how many partition routes the telemetry export is split (each with its own leader and watermarks). */
        @WithDefault("8")
        int telemetryPartitions();

        /**
         * At start, the pause between two routes whose elections this replica joins, in an order of its own (a hash of
         * its instance id and the route id), so that replicas starting together each lead some routes. At least the
         * cluster service's lock interval; 0 = all at once (the replica started first then leads them all).
         */
        @WithDefault("3s")
        Duration joinInterval();

        /** The {@code file} cluster service. */
        File file();

        /** The {@code kubernetes} cluster service (Kubernetes Leases); unset values take the defaults of {@code KubernetesLeases}. */
        Kubernetes kubernetes();

        interface File {

            /** The lock directory every replica shares (a shared volume across machines); unset = the temp directory. */
            Optional<String> root();

            /** How often a replica tries to take a route it does not lead, and how often a leader beats its heartbeat. */
            @WithDefault("3s")
            Duration acquireLockInterval();

            /** How many missed intervals make a leader's heartbeat stale, so that another replica takes over. */
            @WithDefault("3")
            int heartbeatTimeoutMultiplier();
        }

        /**
         * Settings of the {@code kubernetes} kind, all optional so that one set with another kind is caught at start.
         * The member id is the pod name: {@code instance-id}, else the {@code HOSTNAME} Kubernetes gives the pod.
         */
        interface Kubernetes {

            /** The Kubernetes namespace holding the Leases and the replicas' pods; unset = the pod's own namespace. */
            Optional<String> namespace();

            /** The Kubernetes API server, for use outside the cluster (e.g. kubectl proxy); unset = in-cluster or kubeconfig. */
            Optional<String> masterUrl();

            /** Labels (key=value,...) that select the replicas' pods, the only candidates for leadership; unset = every pod. */
            Optional<String> podSelector();

            /** How long a new leader waits before it starts the routes, so that the last leader has stopped (default 15s, Camel's). */
            Optional<Duration> leaseDuration();

            /** How long a leader keeps its routes while it cannot renew its Lease (default 10s, less than lease-duration). */
            Optional<Duration> renewDeadline();

            /** How often each replica reads the Leases and renews its own (default 2s, up to 20% jitter). */
            Optional<Duration> retryPeriod();
        }
    }
}
