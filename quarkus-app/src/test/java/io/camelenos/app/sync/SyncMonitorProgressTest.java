package io.camelenos.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * A long poll is never silent: while it waits for EnOS's first answer the monitor logs that it is running, then how
 * far it is, at every progress interval, and its duration gauge grows; both stop when the poll ends.
 */
class SyncMonitorProgressTest {

    @Test
    void aLongPollLogsItsProgressAtEveryIntervalEvenBeforeItsFirstRecord() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                Object[] parameters = record.getParameters();
                for (int i = 0; parameters != null && i < parameters.length; i++) {
                    message = message.replaceFirst("\\{}", String.valueOf(parameters[i]));
                }
                lines.add(message);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(SyncMonitor.class.getName());
        logger.addHandler(capture);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SyncMonitor monitor = new SyncMonitor("telemetry", "Telemetry export", SyncMonitor.Lag.RECORD,
                Duration.ofMillis(300), registry);
        try {
            monitor.begin(null, null);
            Thread.sleep(800); // no record yet: a big first TSDB answer
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Telemetry export: poll running for")), lines.toString());
            assertTrue(registry.get("camelenos.sync.poll.duration").gauge().value() > 0.5);

            monitor.page();
            monitor.written("inserted", 1200);
            Thread.sleep(800);
            assertTrue(lines.stream().anyMatch(l -> l.contains("1200 records so far")), lines.toString());

            monitor.commit(null, null, 1);
            int afterEnd = lines.size();
            Thread.sleep(700);
            assertEquals(afterEnd, lines.size(), "progress after the poll ended: " + lines);
            assertEquals(0, registry.get("camelenos.sync.poll.duration").gauge().value());
            assertEquals(1200, registry.get("camelenos.sync.records").tag("change", "inserted").counter().count());
        } finally {
            logger.removeHandler(capture);
        }
    }
}
