package io.camelenos.app.status;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.camelenos.app.EtlConfig;
import io.camelenos.app.cluster.ClusterMode;
import io.camelenos.app.enos.EnosGateway;
import io.camelenos.app.sync.SyncMonitors;
import io.camelenos.app.sync.alert.AlertSyncRoute;
import io.camelenos.app.sync.asset.AssetSyncRoute;
import io.camelenos.app.sync.telemetry.TelemetryExportRoute;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;

/** Puts the status document together: EnOS and database, the three flows, the active alerts. */
@ApplicationScoped
public class StatusService {

    @Inject
    EtlConfig config;

    @Inject
    SyncMonitors monitors;

    @Inject
    CamelContext camel;

    @Inject
    EnosGateway gateway;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ActiveAlerts alerts;

    @Inject
    ClusterMode cluster;

    private volatile AppStatus.Database database;

    public AppStatus status() throws SQLException {
        return new AppStatus(Instant.now().toString(), enos(), database(), flows(), alerts.read(),
                cluster.enabled() ? cluster.status() : null);
    }

    private AppStatus.Enos enos() {
        return new AppStatus.Enos(gateway.isEmbeddedEmulator() ? "embedded-emulator" : "tenant",
                SafeText.url(gateway.gatewayUrl()), SafeText.of(gateway.orgId(), 64));
    }

    /** As the JDBC driver names it: the truth, whatever the configuration says. Read once. */
    private AppStatus.Database database() throws SQLException {
        if (database == null) {
            try (Connection connection = dataSource.getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                database = new AppStatus.Database(meta.getDatabaseProductName(), meta.getDatabaseProductVersion());
            }
        }
        return database;
    }

    private List<AppStatus.Flow> flows() {
        List<AppStatus.Flow> flows = new ArrayList<>();
        List<String> leads = cluster.enabled() ? cluster.status().leads() : null;
        for (FlowStates.Definition definition : definitions()) {
            flows.add(monitors.of(definition.flow())
                    .map(monitor -> leads == null || leads.contains(definition.routeId())
                            ? FlowStates.of(definition, monitor.snapshot(), started(definition.routeId()))
                            : FlowStates.notLeader(definition, monitor.snapshot()))
                    .orElseGet(() -> FlowStates.off(definition)));
        }
        return flows;
    }

    private List<FlowStates.Definition> definitions() {
        List<FlowStates.Definition> definitions = new ArrayList<>();
        definitions.add(new FlowStates.Definition(AssetSyncRoute.FLOW, "Asset sync", AssetSyncRoute.ROUTE_ID,
                config.assets().enabled(), config.assets().delay()));
        definitions.addAll(telemetryDefinitions());
        definitions.add(new FlowStates.Definition(AlertSyncRoute.FLOW, "Alert sync", AlertSyncRoute.ROUTE_ID,
                config.alerts().enabled(), config.alerts().delay()));
        return definitions;
    }

    /** In cluster mode the export runs as one route per partition, each with a monitor of its own: a row each. */
    private List<FlowStates.Definition> telemetryDefinitions() {
        boolean enabled = config.telemetry().enabled();
        if (!cluster.enabled()) {
            return List.of(new FlowStates.Definition(TelemetryExportRoute.FLOW, "Telemetry export",
                    TelemetryExportRoute.ROUTE_ID, enabled, config.telemetry().delay()));
        }
        int partitions = cluster.telemetryPartitions();
        List<FlowStates.Definition> rows = new ArrayList<>();
        for (int k = 0; k < partitions; k++) {
            rows.add(new FlowStates.Definition(TelemetryExportRoute.FLOW + "-p" + k,
                    "Telemetry export, partition " + k + "/" + partitions, TelemetryExportRoute.partitionRouteId(k),
                    enabled, config.telemetry().delay()));
        }
        return rows;
    }

    private boolean started(String routeId) {
        return camel.getRouteController().getRouteStatus(routeId) == ServiceStatus.Started;
    }
}
