package io.camelenos.app.sync.asset;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.app.EtlConfig;
import io.camelenos.app.sync.SyncMonitor;
import io.camelenos.app.sync.SyncRoute;
import io.camelenos.component.EnosConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;

/**
 * Asset sync: {@code enos:asset/search} in change-detection mode routes the assets that are new or changed since its
 * last poll, and the ones that disappeared; they are upserted into, or deleted from, {@code enos_asset}. The
 * change-detection state is in the same database ({@code enos_consumer_state}, repository {@value #FLOW}), written only once a
 * row is written, so a restart re-sends nothing that is already there and misses no deletion.
 */
@ApplicationScoped
public class AssetSyncRoute extends SyncRoute {

    public static final String ROUTE_ID = "asset-sync";
    public static final String FLOW = "assets";

    @Override
    public void configure() {
        EtlConfig.Assets assets = config.assets();
        if (!assets.enabled()) {
            return;
        }
        require(assets.pageSize() >= 1 && assets.pageSize() <= 1000, "assets.page-size", assets.pageSize(),
                "must be between 1 and 1000 (EnOS's asset search limit)");
        SyncMonitor monitor = monitor(FLOW, "Asset sync", SyncMonitor.Lag.POLL);
        AssetTable table = new AssetTable(dataSource);
        retryFailedWrites(monitor);

        String uri = "enos:asset/search?changesOnly=true&recordKey=assetId&pageSize=" + assets.pageSize()
                     + "&delay=" + assets.delay().toMillis()
                     + assets.expression().filter(e -> !e.isBlank()).map(e -> "&expression=" + raw(e)).orElse("");
        syncRoute(ROUTE_ID, consumer(ROUTE_ID, uri, assets.options(), monitor))
                .process(exchange -> write(exchange, table, monitor, assets.pageSize()));
    }

    private static void write(Exchange exchange, AssetTable table, SyncMonitor monitor, int pageSize)
            throws Exception {
        Message message = exchange.getMessage();
        String change = message.getHeader(EnosConstants.CHANGE_TYPE, String.class);
        if ("DELETED".equals(change)) {
            table.delete(message.getHeader(EnosConstants.RECORD_KEY, String.class));
        } else {
            table.upsert(message.getMandatoryBody(JsonNode.class));
            Integer pageNo = message.getHeader(EnosConstants.PAGE_NO, Integer.class);
            Long total = message.getHeader(EnosConstants.TOTAL_SIZE, Long.class);
            if (pageNo != null) {
                monitor.page(pageNo, total == null ? -1 : (total + pageSize - 1) / pageSize);
            }
            Integer index = exchange.getProperty(ExchangePropertyKey.BATCH_INDEX, Integer.class);
            Integer size = exchange.getProperty(ExchangePropertyKey.BATCH_SIZE, Integer.class);
            if (index != null && size != null) {
                monitor.record(index + 1L, size);
            }
        }
        monitor.written(change == null ? "upserted" : change.toLowerCase(), 1);
    }
}
