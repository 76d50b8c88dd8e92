package io.camelenos.component.consumer;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.data.ThingModels;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TSDB consumer finds its assets with an asset search expression at each poll. */
class EnosTsdbAssetExpressionTest extends ConsumerTestSupport {

    private static final int ASSETS = 250;

    @BeforeAll
    static void start() {
        startSimulator(ASSETS);
        sim.clock().fixAt(Instant.parse("2024-03-01T00:00:00Z"));
    }

    @Test
    void theAssetsOfAnExpressionAreReadAtEachPoll() throws Exception {
        int turbines = 0;
        for (int i = 0; i < ASSETS; i++) {
            turbines += sim.dataSet().modelOf(i).modelId().equals(ThingModels.WIND_TURBINE.modelId()) ? 1 : 0;
        }
        long start = Instant.parse("2024-02-20T00:00:00Z").toEpochMilli();
        TsdbExpectation expectation = new TsdbExpectation(sim, turbines, start,
                start + Duration.ofMinutes(30).toMillis() - 1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("enos:tsdb/read?assetExpression=modelId = 'EnOS_Wind_Turbine'&pointIds="
                     + String.join(",", TsdbExpectation.POINTS)
                     + "&startTime=2024-02-20T00:00:00Z&endTime=2024-02-20T00:29:59.999Z&splitResult=false"
                     + "&startScheduler=false").routeId("byModel")
                        .process(e -> expectation.deliver(e.getMessage().getBody(JsonNode.class)));
            }
        });

        pollOnce("byModel");

        assertTrue(turbines > 100, "turbines: " + turbines);
        assertEquals(0, expectation.duplicates());
        assertEquals(0, expectation.unexpected());
        assertEquals(0, expectation.missing());
        assertEquals(expectation.expected(), expectation.count());
    }
}
