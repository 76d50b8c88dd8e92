package io.camelenos.component.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.EnosComponent;
import io.camelenos.component.EnosConfiguration;
import io.camelenos.component.EnosConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search consumer on App Portal lists: pages numbered from 0 with the total in data.pagination.totalElements,
 * records keyed by the portal's id fields, change detection on a user's assets.
 */
class EnosAppPortalConsumerTest extends ConsumerTestSupport {

    private static final int ASSETS = 45;
    private static final String ADMIN = "u16000000000001";
    private static final String OPERATOR = "u16000000000002";

    @BeforeAll
    static void start() {
        startSimulator(ASSETS);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        EnosConfiguration c = context.getComponent("enos", EnosComponent.class).getConfiguration();
        c.setUserAccount("admin@sim.enos");
        c.setUserPassword("sim-password");
        return context;
    }

    @Test
    void userAssetListIsConsumedPageByPageFromPageZero() throws Exception {
        Collector collector = route("assets", "enos:app-portal/getAssetsByOu?userId=" + ADMIN + "&pageSize=20");
        pollOnce("assets");
        List<Exchange> exchanges = collector.takeAll();

        assertEquals(fleet(), exchanges.stream().map(e -> body(e).path("id").asText()).toList());
        assertEquals(List.of(0, 1, 2), exchanges.stream().map(e -> e.getMessage().getHeader(EnosConstants.PAGE_NO,
                Integer.class)).distinct().toList());
        assertEquals((long) ASSETS, exchanges.get(0).getMessage().getHeader(EnosConstants.TOTAL_SIZE, Long.class));
        Exchange last = exchanges.get(ASSETS - 1);
        assertEquals(Boolean.TRUE, last.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class));
        assertEquals(fleet().get(ASSETS - 1), last.getMessage().getHeader(EnosConstants.RECORD_KEY));
    }

    @Test
    void theOrganizationsUsersComeOnePagePerExchange() throws Exception {
        Collector collector = route("roster", "enos:app-portal/getOuUserList?pageSize=2&splitResult=false");
        pollOnce("roster");

        List<Exchange> pages = collector.takeAll();
        assertEquals(List.of(2, 2, 1), pages.stream().map(e -> body(e).size()).toList());
        List<String> users = new ArrayList<>();
        pages.forEach(page -> body(page).forEach(user -> users.add(user.path("userId").asText())));
        assertEquals(List.of(ADMIN, OPERATOR, "u16000000000003", "u16000000000004", "u16000000000005"), users);
    }

    @Test
    void changeDetectionOnAUsersAssetsRoutesTheRenamedAndTheNewlyAuthorisedAsset() throws Exception {
        String uri = "enos:app-portal/getAssetsByOu?userId=" + OPERATOR + "&pageSize=10&changesOnly=true";
        Collector collector = route("operator", uri);
        pollOnce("operator");
        List<Exchange> first = collector.takeAll();
        assertEquals(25, first.size(), "the operator sees the first site's tree");
        assertTrue(first.stream().allMatch(e -> "CREATED".equals(change(e))));

        String renamed = sim.dataSet().assetId(3);
        String granted = sim.dataSet().assetId(30);
        template.requestBody("enos:asset/updateAsset?isPatchUpdate=true",
                Map.of("asset", Map.of("assetId", renamed, "name", Map.of("defaultValue", "Renamed turbine"))));
        template.requestBody("enos:app-portal/authorizeAsset?userId=" + OPERATOR + "&assetIds=" + granted,
                (Object) null);
        pollOnce("operator");

        Map<String, String> changes = collector.takeAll().stream().collect(Collectors.toMap(
                e -> e.getMessage().getHeader(EnosConstants.RECORD_KEY, String.class),
                EnosAppPortalConsumerTest::change));
        assertEquals(Map.of(renamed, "UPDATED", granted, "CREATED"), changes);

        pollOnce("operator");
        assertEquals(List.of(), collector.takeAll());
    }

    private static List<String> fleet() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ASSETS; i++) {
            ids.add(sim.dataSet().assetId(i));
        }
        return ids;
    }

    private static JsonNode body(Exchange exchange) {
        return exchange.getMessage().getBody(JsonNode.class);
    }

    private static String change(Exchange exchange) {
        return exchange.getMessage().getHeader(EnosConstants.CHANGE_TYPE, String.class);
    }
}
