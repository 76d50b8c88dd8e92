package io.camelenos.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.component.EnosConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;

/**
 * Exports every asset of the organisation as JSON lines, with change detection: {@code enos:asset/search} in
 * {@code changesOnly} mode, its state in a {@link io.camelenos.component.state.CrashSafeFileStateRepository}
 * ({@code export-assets.state-file}). The first poll appends every asset; later polls, and runs after a restart,
 * append only the assets created or changed since, and a line marked {@code DELETED} for each asset that disappeared.
 * Lines go to one file, {@code export-assets.file-name} in {@code export-assets.output-dir}, appended run after run.
 */
public class ExportAssetsRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "export-assets";
    private static final String STATE = "exportAssetsState";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void configure() {
        bindToRegistry(STATE, StateFiles.open(getContext(), "export-assets.state-file"));

        // the state key is fixed, so that changing the page size or the delay keeps the state
        from("enos:asset/search?changesOnly=true&stateRepository=#" + STATE + "&stateKey=export-assets"
             + "&pageSize={{export-assets.page-size}}&delay={{export-assets.delay}}&initialDelay=0"
             + "&sendEmptyMessageWhenIdle=true")
                .routeId(ROUTE_ID)
                .choice()
                    .when(body().isNull())
                        .log("No asset created, changed or deleted since the last poll")
                    .otherwise()
                        .process(e -> e.getIn().setBody(line(e)))
                        .to("file:{{export-assets.output-dir}}?fileName={{export-assets.file-name}}&fileExist=Append")
                        .filter(exchangeProperty(ExchangePropertyKey.BATCH_COMPLETE.getName()))
                            .log("Exported ${exchangeProperty.CamelBatchSize} asset changes to "
                                 + "${header.CamelFileNameProduced}")
                        .end()
                .end();
    }

    /**
     * One line: {@code {"change":"CREATED|UPDATED","assetId":...,"asset":{...}}} with the asset as the search answers
     * it, or {@code {"change":"DELETED","assetId":...}}.
     */
    static String line(Exchange e) {
        String change = e.getIn().getHeader(EnosConstants.CHANGE_TYPE, String.class);
        ObjectNode line = MAPPER.createObjectNode()
                .put("change", change)
                .put("assetId", e.getIn().getHeader(EnosConstants.RECORD_KEY, String.class));
        if (!"DELETED".equals(change)) {
            line.set("asset", e.getIn().getBody(JsonNode.class));
        }
        return line + "\n";
    }
}
