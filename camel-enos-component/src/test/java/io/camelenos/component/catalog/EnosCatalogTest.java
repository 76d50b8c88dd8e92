package io.camelenos.component.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.camelenos.component.EnosRequestParameters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnosCatalogTest {

    /** Documented endpoints of catalogued services the component leaves out on purpose (multipart / binary files). */
    private static final Set<String> NOT_CATALOGUED = Set.of(
            "connect/delete_file.md", "connect/download_file.md",
            "connect/upload_integration_attributes.md", "connect/upload_integration_events.md",
            "connect/upload_integration_measurepoints.md");

    private final EnosCatalog catalog = EnosCatalog.defaultCatalog();

    /** One documented line: METHOD and the URL's path and action. */
    private record Documented(String method, String path, String action) {
    }

    @Test
    void everyDocumentedOperationResolvesToItsDocumentedMethodAndPath() throws IOException {
        Map<String, Documented> docs = read("/documented-endpoints.txt");
        for (EnosOperation op : catalog.operations()) {
            if (op.doc() != null) {
                Documented doc = docs.get(op.doc());
                assertNotNull(doc, op.key() + " cites " + op.doc() + ", which is not documented");
                // a page that names no method (app_portal/get_organization_list.md) holds the path and action only
                Documented mine = doc.method() == null ? new Documented(null, op.path(), op.action()) : described(op);
                assertEquals(doc, mine, op.key() + " against " + op.doc());
            }
        }
    }

    @Test
    void everyUndocumentedOperationMatchesItsReferenceLine() throws IOException {
        List<String> lines = lines("/reference-endpoints.txt");
        for (EnosOperation op : catalog.operations()) {
            if (op.doc() == null) {
                assertNotNull(op.source(), op.key() + " has neither doc nor source");
                Documented mine = described(op);
                String expected = op.source() + ": " + mine.method() + " " + mine.path()
                                  + (mine.action() == null ? "" : "?action=" + mine.action());
                assertTrue(lines.contains(expected), op.key() + " is not in reference-endpoints.txt: " + expected);
            }
        }
    }

    @Test
    void everyDocumentedEndpointOfTheCataloguedServicesIsCatalogued() throws IOException {
        Set<String> cited = catalog.operations().stream().map(EnosOperation::doc).collect(Collectors.toSet());
        Set<String> missing = new HashSet<>(read("/documented-endpoints.txt").keySet());
        missing.removeAll(cited);
        missing.removeAll(NOT_CATALOGUED);
        assertEquals(Set.of(), missing);
    }

    /**
     * The naming rule of the README: the doc page in lowerCamel; TSDB data operations after their path; v2.0 twins of
     * v2.1 operations (TSDB, batch) end in V20.
     */
    @Test
    void operationNamesFollowTheNamingRule() {
        Set<String> documentedExceptions = Set.of("model/getThingModel", "model/searchThingModel");
        for (EnosOperation op : catalog.operations()) {
            if (op.service().equals("tsdb")) {
                String byPath = lowerCamel(op.resource().replace('/', '-'), "-");
                String expected = op.action() == null ? byPath
                        : op.action() + Character.toUpperCase(byPath.charAt(0)) + byPath.substring(1);
                assertEquals(expected + (op.version().equals("v2.0") ? "V20" : ""), op.name());
            } else if (op.doc() != null && !documentedExceptions.contains(op.key())) {
                String page = op.doc().substring(op.doc().lastIndexOf('/') + 1).replace(".md", "");
                String twin = op.service().equals("batch") && op.version().equals("v2.0") ? "V20" : "";
                assertEquals(lowerCamel(page, "_") + twin, op.name(), op.doc());
            }
        }
    }

    private static String lowerCamel(String text, String separator) {
        StringBuilder out = new StringBuilder();
        for (String part : text.split(separator)) {
            out.append(out.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }

    @Test
    void namedAliasesReachTheDocumentedEndpoints() {
        EnosOperation search = catalog.find("asset", "search").orElseThrow();
        assertEquals("/asset-tree-service/v2.1/asset-nodes", search.path());
        assertEquals("searchAsset", search.action());
        assertEquals(PaginationStyle.PAGE, search.pagination());

        EnosOperation read = catalog.find("tsdb", "read").orElseThrow();
        assertEquals("/tsdb-service/v2.1/raw", read.path());
        assertEquals("POST", read.method());
    }

    @Test
    void everyParameterNamesAnEndpointOption() {
        for (EnosOperation op : catalog.operations()) {
            for (String option : EnosRequestParameters.of(op)) {
                assertTrue(EnosRequestParameters.isOption(option), op.key() + " names unknown option " + option);
            }
        }
    }

    @Test
    void everyHeaderIsCamelEnosAndTheCapitalisedOption() {
        assertEquals("CamelEnosAssetId", EnosRequestParameters.headerOf("assetId"));
        assertEquals("CamelEnosIsPatchUpdate", EnosRequestParameters.headerOf("isPatchUpdate"));
        assertTrue(EnosRequestParameters.options().containsAll(List.of("orgId", "assetId", "pointIds", "refreshToken")));
    }

    @Test
    void everyConsumerKindFitsItsOperation() {
        for (EnosOperation op : catalog.operations()) {
            switch (op.consumer()) {
                case SEARCH, ALERT -> assertTrue(op.pagination() != PaginationStyle.NONE,
                        op.key() + ": a search or alert consumer pages, so the operation must be paged");
                case TSDB -> assertTrue("tsdb".equals(op.service()) && op.pagination() == PaginationStyle.NONE
                                        && EnosRequestParameters.of(op).containsAll(List.of("startTime", "endTime")),
                        op.key() + ": a TSDB consumer reads a time range of the TSDB service");
                case NONE -> assertEquals(PaginationStyle.NONE, op.pagination(),
                        op.key() + " is paged: state the consumer it gets (search or alert)");
            }
        }
    }

    @Test
    void consumerKindsAreAsTheCatalogueStatesThem() {
        assertEquals(ConsumerKind.ALERT, catalog.find("alert", "searchActiveAlerts").orElseThrow().consumer());
        assertEquals(ConsumerKind.SEARCH, catalog.find("alert", "searchHistoryAlerts").orElseThrow().consumer());
        assertEquals(ConsumerKind.TSDB, catalog.find("tsdb", "read").orElseThrow().consumer());
        assertEquals(ConsumerKind.NONE, catalog.find("tsdb", "rawV20").orElseThrow().consumer());
        assertEquals(ConsumerKind.NONE, catalog.find("asset", "get").orElseThrow().consumer());
    }

    @Test
    void tsdbV20AndPolicyMetadataUseTheStatusEnvelope() {
        assertEquals(Envelope.STATUS, catalog.find("tsdb", "rawV20").orElseThrow().envelope());
        assertEquals(Envelope.STATUS, catalog.find("tsdb-policy", "getPointsTsdbMetaData").orElseThrow().envelope());
        // the storage policy doc samples answer in the code envelope
        assertEquals(Envelope.CODE, catalog.find("tsdb-policy", "getStoragePolicy").orElseThrow().envelope());
        assertEquals(Envelope.CODE, catalog.find("tsdb", "raw").orElseThrow().envelope());
    }

    @Test
    void mlAndBatchUseTheStatusEnvelopeDataFederationAndStreamTheCodeEnvelope() {
        assertEquals(Envelope.STATUS, catalog.find("prediction", "forecast").orElseThrow().envelope());
        assertEquals(Envelope.STATUS, catalog.find("batch", "getFlowV20").orElseThrow().envelope());
        assertEquals(Envelope.STATUS, catalog.find("batch", "getFlow").orElseThrow().envelope());
        assertEquals(Envelope.CODE, catalog.find("data-federation", "read").orElseThrow().envelope());
        assertEquals(Envelope.CODE, catalog.find("stream", "getStageState").orElseThrow().envelope());
    }

    @Test
    void batchSearchesPageFromZeroAndBothVersionsAreCatalogued() {
        for (String name : List.of("searchFlow", "searchFlowV20", "listFlowInstances", "listFlowInstancesV20")) {
            EnosOperation op = catalog.find("batch", name).orElseThrow();
            assertEquals(PaginationStyle.PAGE, op.pagination(), name);
            assertEquals(0, op.firstPage(), name);
        }
        assertEquals("/batch-processing-service/v2.1/flows", catalog.find("batch", "searchFlow").orElseThrow().path());
        assertEquals("/dataflow-batch-service/v2.0/flows", catalog.find("batch", "searchFlowV20").orElseThrow().path());
        assertEquals("/flowInsts", catalog.find("batch", "listFlowInstances").orElseThrow().items());
    }

    @Test
    void restStyleOperationsNameTheirPathParameters() {
        assertEquals(List.of("channelId"), catalog.find("data-federation", "readData").orElseThrow().pathParameters());
        assertEquals(List.of("channelId", "taskId"),
                catalog.find("data-federation", "getDownloadStatus").orElseThrow().pathParameters());
        assertEquals(List.of("pipelineId"), catalog.find("stream", "pausePipeline").orElseThrow().pathParameters());
        assertEquals(ResultStyle.ROWS, catalog.find("data-federation", "readData").orElseThrow().result());
    }

    private static Documented described(EnosOperation op) {
        return new Documented(op.method(), op.path(), op.action());
    }

    /** doc-file → method, path and action of each "doc-file: METHOD URL" line. */
    private static Map<String, Documented> read(String resource) throws IOException {
        return lines(resource).stream().filter(l -> l.contains(": "))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(": ")), EnosCatalogTest::parse));
    }

    private static Documented parse(String line) {
        String[] parts = line.substring(line.indexOf(": ") + 2).trim().split(" ");
        String method = parts.length < 2 ? null : parts[0];
        String url = parts[parts.length - 1]; // the method is missing from a few pages
        URI uri = URI.create(url.replace("{apigw-address}", "gateway").replace("{", "%7B").replace("}", "%7D"));
        String path = uri.getPath();
        String action = uri.getQuery() == null ? null : uri.getQuery().replaceFirst("^.*?action=([^&]*).*$", "$1");
        return new Documented(method, path, action);
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = EnosCatalogTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
