package io.camelenos.examples;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camelenos.component.EnosApiException;
import io.camelenos.component.EnosConstants;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dataformat.csv.CsvDataFormat;

/**
 * Device provisioning from CSV files: for each row of a {@code *.csv} dropped into {@code provision.input-dir}, finds
 * the product by name (creating it if missing, once per name), then creates the device. The device credentials
 * (productKey, deviceKey, assetId, deviceSecret) go to {@code <file>-credentials.csv} in {@code provision.output-dir},
 * readable by the owner only, and never to the log; every row's outcome goes to {@code <file>-report.csv}. A failing
 * row is reported and the next row goes on. See {@link DeviceRows} for the columns.
 */
public class ProvisionDevicesRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "provision-devices";
    static final String CREDENTIALS_HEADER = "productKey,deviceKey,assetId,deviceSecret\n";
    static final String REPORT_HEADER = "line,deviceKey,result,assetId,code,message\n";

    /** Product keys by product name, so each product is looked up (or created) once per run. */
    private final Map<String, String> productKeys = new ConcurrentHashMap<>();

    @Override
    public void configure() {
        CsvDataFormat csv = CsvRows.input();

        from("file:{{provision.input-dir}}?include=.*\\.csv&move=.done&moveFailed=.failed")
                .routeId(ROUTE_ID)
                .log("Provisioning EnOS devices from ${header.CamelFileName}")
                .setProperty("source", header(Exchange.FILE_NAME))
                .setProperty("credentials", simple("${file:onlyname.noext}-credentials.csv"))
                .setProperty("report", simple("${file:onlyname.noext}-report.csv"))
                .process(e -> e.setProperty("fileState", new ConcurrentHashMap<String, Object>()))
                .unmarshal(csv)
                .split(body(), new RowTally("created")).streaming()
                    .process(ProvisionDevicesRoutes::rememberRow)
                    .doTry()
                        .to("direct:product-key")
                        .process(e -> e.getIn().setBody(DeviceRows.deviceBody(e.getProperty("row", Map.class),
                                e.getProperty("productKey", String.class))))
                        // a retried create could make the device twice: no retries
                        .to("enos:connection/createDevice?maxRetries=0&outputType=java.util.Map")
                        .process(ProvisionDevicesRoutes::credentialsLine)
                        .log("line ${exchangeProperty.line}: created device ${exchangeProperty.deviceKey} "
                             + "(asset ${exchangeProperty.assetId}) in product ${exchangeProperty.productKey}")
                        .setHeader(Exchange.FILE_NAME, exchangeProperty("credentials"))
                        .to("file:{{provision.output-dir}}?fileExist=Append&chmod=600")
                        .process(e -> e.getIn().setBody(reportLine(e, "created", "", "")))
                    .doCatch(EnosApiException.class)
                        .process(e -> {
                            EnosApiException error = e.getProperty(Exchange.EXCEPTION_CAUGHT, EnosApiException.class);
                            e.getIn().setBody(reportLine(e, "failed", String.valueOf(error.getCode()), error.getMsg()));
                        })
                        .log(LoggingLevel.WARN, "line ${exchangeProperty.line}: EnOS refused: ${exception.message}")
                    .doCatch(IllegalArgumentException.class)
                        .process(e -> e.getIn().setBody(reportLine(e, "failed", "",
                                e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage())))
                        .log(LoggingLevel.WARN, "line ${exchangeProperty.line}: bad row: ${exception.message}")
                    .end()
                    .setHeader(Exchange.FILE_NAME, exchangeProperty("report"))
                    .to("file:{{provision.output-dir}}?fileExist=Append")
                .end()
                .log("${exchangeProperty.source}: ${exchangeProperty.created} devices created, "
                     + "${exchangeProperty.failed} rows failed; credentials in "
                     + "{{provision.output-dir}}/${exchangeProperty.credentials}");

        // the product key of the row's product name: from this run's cache, an EnOS search, or a new product
        from("direct:product-key").routeId("product-key")
                .process(e -> {
                    String name = DeviceRows.productName(e.getProperty("row", Map.class));
                    e.setProperty("productName", name);
                    e.setProperty("productKey", productKeys.get(name));
                })
                .filter(exchangeProperty("productKey").isNull())
                    .setHeader(EnosConstants.EXPRESSION, simple("productName = '${exchangeProperty.productName}'"))
                    .to("enos:connection/searchProduct?pageSize=1&outputType=java.util.Map")
                    .process(e -> {
                        List<?> found = e.getIn().getBody(List.class);
                        if (found != null && !found.isEmpty()) {
                            e.setProperty("productKey", ((Map<?, ?>) found.get(0)).get("productKey"));
                        }
                    })
                    .filter(exchangeProperty("productKey").isNull())
                        .process(e -> e.getIn().setBody(DeviceRows.productBody(e.getProperty("row", Map.class))))
                        .to("enos:connection/createProduct?maxRetries=0&outputType=java.lang.String")
                        .setProperty("productKey", body())
                        .log("Created product ${exchangeProperty.productName}: ${exchangeProperty.productKey}")
                    .end()
                    .process(e -> productKeys.put(e.getProperty("productName", String.class),
                            e.getProperty("productKey", String.class)))
                .end();
    }

    private static void rememberRow(Exchange e) {
        Map<?, ?> row = e.getIn().getBody(Map.class);
        int line = e.getProperty(Exchange.SPLIT_INDEX, Integer.class) + 2;
        e.setProperty("row", row);
        e.setProperty("line", line);
        e.setProperty("deviceKey", row.get("deviceKey"));
        e.setProperty("firstRow", line == 2);
    }

    /** The device's credentials, for the credentials file only. */
    private static void credentialsLine(Exchange e) {
        Map<?, ?> device = e.getIn().getBody(Map.class);
        e.setProperty("deviceKey", device.get("deviceKey"));
        e.setProperty("assetId", device.get("assetId"));
        String line = CsvRows.line(device.get("productKey"), device.get("deviceKey"), device.get("assetId"),
                device.get("deviceSecret"));
        e.getIn().setBody(firstOfFile(e, "credentialsStarted") ? CREDENTIALS_HEADER + line : line);
    }

    private static String reportLine(Exchange e, String result, String code, String message) {
        String line = CsvRows.line(e.getProperty("line"), e.getProperty("deviceKey", String.class), result,
                e.getProperty("assetId", String.class), code, message);
        return Boolean.TRUE.equals(e.getProperty("firstRow")) ? REPORT_HEADER + line : line;
    }

    /** Whether this is the first line written to a file of this CSV (the flag lives on the file's exchange). */
    private static boolean firstOfFile(Exchange e, String flag) {
        Map<String, Object> shared = e.getProperty("fileState", Map.class);
        return shared != null && shared.putIfAbsent(flag, Boolean.TRUE) == null;
    }
}
