package io.camelenos.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.junit.jupiter.api.Test;

/** Runs the example the way its main() does, through camel-main and its application.properties. */
class HeartbeatExampleTest {

    @Test
    void mainRunsTheHeartbeatRouteUntilItsMessageLimit() {
        Main main = HeartbeatExample.createMain();
        // ticks far enough apart that a loaded machine does not fit a 4th tick between the 3rd and the stop
        main.addOverrideProperty("heartbeat.period", "500");
        main.addOverrideProperty("heartbeat.target", "mock:heartbeats");
        main.configure().withDurationMaxMessages(3);

        AtomicInteger received = new AtomicInteger(-1);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeStop(BaseMainSupport stopping) {
                MockEndpoint mock = stopping.getCamelContext().getEndpoint("mock:heartbeats", MockEndpoint.class);
                received.set(mock.getReceivedCounter());
            }
        });

        // run() returns once camel-main has seen 3 messages and shut down.
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> main.run());
        assertEquals(0, main.getExitCode());
        assertEquals(3, received.get(), "messages received by the route's target before stop");
    }
}
