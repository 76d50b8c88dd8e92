package io.camelenos.examples;

import java.util.Map;

import io.camelenos.component.EnosApiException;
import io.camelenos.component.EnosConstants;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dataformat.csv.CsvDataFormat;

/**
 * Bulk update of asset attributes and tags from CSV files: each {@code *.csv} dropped into {@code bulk-update.input-dir}
 * is read row by row (streaming), each row sent as one patch through {@code enos:asset/update}. A row that fails (bad
 * row, EnOS error) is reported and the next row goes on. Every row's outcome is appended to
 * {@code <file>-report.csv} in {@code bulk-update.report-dir}; the file then moves to {@code .done}. See
 * {@link AssetRows} for the columns.
 */
public class BulkAssetUpdateRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "bulk-asset-update";
    static final String REPORT_HEADER = "line,assetId,result,requestId,code,message\n";

    @Override
    public void configure() {
        CsvDataFormat csv = CsvRows.input();

        from("file:{{bulk-update.input-dir}}?include=.*\\.csv&move=.done&moveFailed=.failed")
                .routeId(ROUTE_ID)
                .log("Updating EnOS assets from ${header.CamelFileName}")
                .setProperty("source", header(Exchange.FILE_NAME))
                .setProperty("report", simple("${file:onlyname.noext}-report.csv"))
                .unmarshal(csv)
                .split(body(), new RowTally("updated")).streaming()
                    .process(BulkAssetUpdateRoutes::rememberRow)
                    .doTry()
                        .process(e -> e.getIn().setBody(AssetRows.toUpdate(e.getIn().getBody(Map.class))))
                        .to("enos:asset/update?isPatchUpdate=true")
                        .process(e -> e.getIn().setBody(reportLine(e, "updated",
                                e.getIn().getHeader(EnosConstants.REQUEST_ID, String.class), "", "")))
                    .doCatch(EnosApiException.class)
                        .process(e -> {
                            EnosApiException error = e.getProperty(Exchange.EXCEPTION_CAUGHT, EnosApiException.class);
                            e.getIn().setBody(reportLine(e, "failed", error.getRequestId(),
                                    String.valueOf(error.getCode()), error.getMsg()));
                        })
                        .log(LoggingLevel.WARN, "line ${exchangeProperty.line}, asset ${exchangeProperty.assetId}: "
                                                + "EnOS refused the update: ${exception.message}")
                    .doCatch(IllegalArgumentException.class)
                        .process(e -> e.getIn().setBody(reportLine(e, "failed", "", "",
                                e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage())))
                        .log(LoggingLevel.WARN, "line ${exchangeProperty.line}: bad row: ${exception.message}")
                    .end()
                    .process(e -> {
                        if (e.getProperty("line", Integer.class) == 2) {
                            e.getIn().setBody(REPORT_HEADER + e.getIn().getBody(String.class));
                        }
                    })
                    .setHeader(Exchange.FILE_NAME, exchangeProperty("report"))
                    .to("file:{{bulk-update.report-dir}}?fileExist=Append")
                .end()
                .log("${exchangeProperty.source}: ${exchangeProperty.updated} rows updated, "
                     + "${exchangeProperty.failed} failed; report in {{bulk-update.report-dir}}/${exchangeProperty.report}");
    }

    /** The row's line in the file (the header is line 1) and asset id, for the report and the logs. */
    private static void rememberRow(Exchange e) {
        e.setProperty("line", e.getProperty(Exchange.SPLIT_INDEX, Integer.class) + 2);
        Map<?, ?> row = e.getIn().getBody(Map.class);
        e.setProperty("assetId", row.get("assetId"));
    }

    private static String reportLine(Exchange e, String result, String requestId, String code, String message) {
        return CsvRows.line(e.getProperty("line"), e.getProperty("assetId", String.class), result, requestId, code,
                message);
    }
}
