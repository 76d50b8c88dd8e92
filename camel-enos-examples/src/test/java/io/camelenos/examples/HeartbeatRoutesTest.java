package io.camelenos.examples;

import java.util.Properties;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

class HeartbeatRoutesTest extends CamelTestSupport {

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        Properties properties = new Properties();
        properties.setProperty("heartbeat.period", "10");
        properties.setProperty("heartbeat.count", "5");
        properties.setProperty("heartbeat.target", "mock:heartbeats");
        configuration.withUseOverridePropertiesWithPropertiesComponent(properties);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new HeartbeatRoutes();
    }

    @Test
    void sendsTheConfiguredNumberOfNumberedHeartbeats() throws Exception {
        MockEndpoint heartbeats = getMockEndpoint("mock:heartbeats");
        heartbeats.expectedBodiesReceived(
                "heartbeat #1", "heartbeat #2", "heartbeat #3", "heartbeat #4", "heartbeat #5");

        heartbeats.assertIsSatisfied(5_000);

        // repeatCount=5 stops the timer: no sixth heartbeat arrives.
        heartbeats.setAssertPeriod(200);
        heartbeats.expectedMessageCount(5);
        heartbeats.assertIsSatisfied();
    }
}
