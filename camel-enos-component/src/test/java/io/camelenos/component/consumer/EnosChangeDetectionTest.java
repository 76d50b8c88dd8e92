package io.camelenos.component.consumer;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.camelenos.component.EnosConstants;
import io.camelenos.component.state.JdbcStateRepository;
import org.apache.camel.Exchange;
import org.h2.jdbcx.JdbcDataSource;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * changesOnly against the emulator's asset search, with changes made through the producer, and state in a
 * FileStateRepository or a JdbcStateRepository that outlives the route.
 */
class EnosChangeDetectionTest extends ConsumerTestSupport {

    private static final int ASSETS = 75;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        startSimulator(ASSETS);
    }

    @Test
    void nextPollEmitsExactlyTheChangesAndARestartedRouteEmitsNothing() throws Exception {
        File store = dir.resolve("enos-state.dat").toFile();
        String created = createLogicalAsset("Doomed site");
        String uri = "enos:asset/search?pageSize=20&changesOnly=true&stateKey=assets&stateRepository=#state";

        Collector first = poll("first", uri, store);
        assertEquals(first.exchanges.get(0).getMessage().getHeader(EnosConstants.TOTAL_SIZE, Long.class),
                (long) first.exchanges.size());
        assertTrue(first.exchanges.size() > ASSETS);
        assertTrue(first.exchanges.stream().allMatch(e -> "CREATED".equals(change(e))));

        String updatedA = sim.dataSet().assetId(3);
        String updatedB = sim.dataSet().assetId(60);
        updateTags(updatedA, "north");
        updateTags(updatedB, "south");
        String born = createLogicalAsset("New site");
        template.requestBody("enos:asset/deleteLogicalAsset?assetId=" + created, (Object) null);

        Collector second = poll("second", uri, store);
        Map<String, String> changes = second.exchanges.stream().collect(Collectors.toMap(
                e -> e.getMessage().getHeader(EnosConstants.RECORD_KEY, String.class), EnosChangeDetectionTest::change));
        assertEquals(Map.of(updatedA, "UPDATED", updatedB, "UPDATED", born, "CREATED", created, "DELETED"), changes);
        Exchange deletion = second.exchanges.stream().filter(e -> "DELETED".equals(change(e))).findFirst().orElseThrow();
        assertEquals(created, deletion.getMessage().getBody(com.fasterxml.jackson.databind.JsonNode.class)
                .path("assetId").asText());

        Collector third = poll("third", uri, store);
        assertEquals(List.of(), third.exchanges);
    }

    @Test
    void aFailedExchangeIsReportedAgainByTheNextPoll() throws Exception {
        File store = dir.resolve("retry-state.dat").toFile();
        String uri = "enos:asset/search?pageSize=50&changesOnly=true&stateKey=retry&stateRepository=#state";
        poll("baseline", uri, store);
        String asset = sim.dataSet().assetId(7);
        updateTags(asset, "east");

        context.getRegistry().bind("state", FileStateRepository.fileStateRepository(store));
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&startScheduler=false").routeId("failing")
                        .throwException(new IllegalStateException("database down"));
            }
        });
        pollOnce("failing");
        context.getRouteController().stopRoute("failing");
        context.removeRoute("failing");

        Collector again = poll("again", uri, store);
        assertEquals(1, again.exchanges.size());
        assertEquals(asset, again.exchanges.get(0).getMessage().getHeader(EnosConstants.RECORD_KEY));
        assertEquals("UPDATED", change(again.exchanges.get(0)));
    }

    @Test
    void aRestartOnAJdbcStateRepositoryEmitsOnlyWhatChangedMeanwhile() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:enos-state;DB_CLOSE_DELAY=-1");
        String uri = "enos:asset/search?pageSize=30&changesOnly=true&stateKey=jdbc&stateRepository=#jdbcState";
        Collector first = pollOn("jdbc1", uri, new JdbcStateRepository(database));
        assertTrue(first.exchanges.size() >= ASSETS);
        String asset = sim.dataSet().assetId(11);
        updateTags(asset, "west");

        Collector restarted = pollOn("jdbc2", uri, new JdbcStateRepository(database));

        assertEquals(1, restarted.exchanges.size());
        assertEquals(asset, restarted.exchanges.get(0).getMessage().getHeader(EnosConstants.RECORD_KEY));
        assertEquals("UPDATED", change(restarted.exchanges.get(0)));
        assertEquals(List.of(), pollOn("jdbc3", uri, new JdbcStateRepository(database)).exchanges);
    }

    private Collector pollOn(String id, String uri, JdbcStateRepository repository) throws Exception {
        context.getRegistry().bind("jdbcState", repository);
        Collector collector = route(id, uri);
        pollOnce(id);
        context.getRouteController().stopRoute(id);
        context.removeRoute(id);
        return collector;
    }

    @Test
    void withoutARepositoryTheStateLivesInMemoryAcrossARouteRestart() throws Exception {
        Collector collector = route("memory", "enos:asset/search?pageSize=40&changesOnly=true&stateKey=memory");
        pollOnce("memory");
        assertTrue(collector.takeAll().size() >= ASSETS);

        context.getRouteController().stopRoute("memory");
        context.getRouteController().startRoute("memory");
        pollOnce("memory");

        assertEquals(List.of(), collector.takeAll());
    }

    /** One poll by a fresh route on a fresh repository over the same file, as after a restart. */
    private Collector poll(String id, String uri, File store) throws Exception {
        context.getRegistry().bind("state", FileStateRepository.fileStateRepository(store));
        Collector collector = route(id, uri);
        pollOnce(id);
        context.getRouteController().stopRoute(id);
        context.removeRoute(id);
        return collector;
    }

    private String createLogicalAsset(String name) {
        Map<String, Object> body = Map.of("assetInstance", Map.of("modelId", sim.dataSet().modelOf(0).modelId(),
                "timezone", "+08:00", "name", Map.of("defaultValue", name), "attributes", Map.of("capacity", 12.5)));
        return template.requestBody("enos:asset/createLogicalAsset?outputType=java.lang.String", body, String.class);
    }

    private void updateTags(String assetId, String region) {
        template.requestBody("enos:asset/update?isPatchUpdate=true",
                Map.of("asset", Map.of("assetId", assetId, "tags", Map.of("zone", region))));
    }

    private static String change(Exchange exchange) {
        return exchange.getMessage().getHeader(EnosConstants.CHANGE_TYPE, String.class);
    }

}
