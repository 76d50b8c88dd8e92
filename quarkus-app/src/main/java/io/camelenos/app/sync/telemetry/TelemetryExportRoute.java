package io.camelenos.app.sync.telemetry;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.app.EtlConfig;
import io.camelenos.app.sync.SyncMonitor;
import io.camelenos.app.sync.SyncRoute;

/**
 * Telemetry export: {@code enos:tsdb/read} follows the configured measure points of the configured assets (by id,
 * and/or an asset search expression that the consumer resolves again at every poll) from a watermark per (asset,
 * point), and each TSDB answer becomes one batched insert into {@code enos_telemetry}. The watermarks are in the
 * same database ({@code enos_consumer_state}, repository {@value #FLOW}) and move only once the rows are committed, so a
 * restart resumes where the last run stopped, with no gap; a sample written twice (lookback, a crash between the
 * commit and the watermark) is skipped by the table. In cluster mode the export is split into
 * {@code camel-enos.cluster.telemetry-partitions} routes ({@code telemetry-export-p<k>}, the component's
 * {@code partition=k/n}), each led by one replica.
 */
@ApplicationScoped
public class TelemetryExportRoute extends SyncRoute {

    public static final String ROUTE_ID = "telemetry-export";
    public static final String FLOW = "telemetry";

    @Override
    public void configure() {
        EtlConfig.Telemetry telemetry = config.telemetry();
        if (!telemetry.enabled()) {
            return;
        }
        List<String> points = clean(telemetry.pointIds());
        List<String> assets = clean(telemetry.assetIds());
        Optional<String> expression = telemetry.assetExpression().filter(e -> !e.isBlank());
        require(!points.isEmpty(), "telemetry.point-ids", "empty", "must name at least one measure point to export");
        if (assets.isEmpty() && expression.isEmpty()) {
            throw new IllegalArgumentException("camel-enos.telemetry.asset-ids and camel-enos.telemetry.asset-expression "
                                               + "are both empty: set one of them to choose the assets to export");
        }
        require(telemetry.pageSize() >= 1, "telemetry.page-size", telemetry.pageSize(), "must be at least 1");
        TelemetryTable table = new TelemetryTable(dataSource);
        String uri = uri(telemetry, points, assets, expression);
        int partitions = cluster.telemetryPartitions();
        if (partitions == 1) {
            SyncMonitor monitor = monitor(FLOW, "Telemetry export", SyncMonitor.Lag.RECORD);
            exportRoute(ROUTE_ID, uri, monitor, table, points);
            return;
        }
        for (int k = 0; k < partitions; k++) {
            String routeId = partitionRouteId(k);
            SyncMonitor monitor = monitor(FLOW + "-p" + k, "Telemetry export, partition " + k + "/" + partitions,
                    SyncMonitor.Lag.RECORD);
            exportRoute(routeId, uri + "&partition=" + k + "/" + partitions, monitor, table, points);
        }
    }

    /** The route id of partition k of the export in cluster mode. */
    public static String partitionRouteId(int k) {
        return ROUTE_ID + "-p" + k;
    }

    /**
     * One export route. Every partition keeps its watermarks under the one state key {@value #FLOW}: they are per
     * (asset, point) and the partitions' assets are disjoint, so turning cluster mode on or off, or changing the number
     * of partitions, resumes every pair where it stopped.
     */
    private void exportRoute(String routeId, String uri, SyncMonitor monitor, TelemetryTable table,
                             List<String> points) {
        retryFailedWrites(syncRoute(routeId, consumer(routeId, FLOW, uri, config.telemetry().options(), monitor)), monitor)
                .process(exchange -> {
                    TelemetryTable.Result written = table.insert(exchange.getMessage().getMandatoryBody(JsonNode.class),
                            points);
                    monitor.page();
                    monitor.newest(written.newest());
                    monitor.recordTimes(written.oldest(), written.newest());
                    monitor.written("inserted", written.inserted());
                    monitor.written("duplicate", written.skipped());
                });
    }

    /** One exchange per TSDB answer (splitResult=false), one record per (asset, point, timestamp) (itemFormat=0). */
    private static String uri(EtlConfig.Telemetry telemetry, List<String> points, List<String> assets,
                              Optional<String> expression) {
        StringBuilder uri = new StringBuilder("enos:tsdb/read?splitResult=false&itemFormat=0")
                .append("&pointIds=").append(raw(String.join(",", points)))
                .append("&startTime=").append(raw(telemetry.startTime().strip()))
                .append("&lookback=").append(telemetry.lookback().toMillis())
                .append("&pageSize=").append(telemetry.pageSize())
                .append("&delay=").append(telemetry.delay().toMillis());
        if (!assets.isEmpty()) {
            uri.append("&assetIds=").append(raw(String.join(",", assets)));
        }
        expression.ifPresent(e -> uri.append("&assetExpression=").append(raw(e)));
        telemetry.endTime().filter(e -> !e.isBlank()).ifPresent(e -> uri.append("&endTime=").append(raw(e.strip())));
        return uri.toString();
    }

    private static List<String> clean(Optional<List<String>> list) {
        return list.orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
