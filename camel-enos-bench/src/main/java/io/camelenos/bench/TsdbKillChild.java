package io.camelenos.bench;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.EnosComponent;
import io.camelenos.component.state.CrashSafeFileStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The process {@link TsdbKillRestartHarness} kills: a TSDB consumer backfilling 7 days into a file, one line
 * "asset/point/timestamp" per sample, its watermarks in a {@link CrashSafeFileStateRepository}. Prints "started" once
 * its route runs.
 * <p>
 * Arguments: gatewayUrl appKey appSecret orgId stateFile outFile assetIds pointIds
 */
public final class TsdbKillChild {

    private TsdbKillChild() {
    }

    public static void main(String[] args) throws Exception {
        CamelContext context = new DefaultCamelContext();
        EnosComponent enos = new EnosComponent();
        enos.getConfiguration().setGatewayUrl(args[0]);
        enos.getConfiguration().setAppKey(args[1]);
        enos.getConfiguration().setAppSecret(args[2]);
        enos.getConfiguration().setOrgId(args[3]);
        context.addComponent("enos", enos);
        context.getRegistry().bind("state", new CrashSafeFileStateRepository(Path.of(args[4])));
        FileChannel out = FileChannel.open(Path.of(args[5]), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        String points = args[7];
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("enos:tsdb/read?assetIds=" + args[6] + "&pointIds=" + points
                     + "&startTime=2024-02-01T00:00:00Z&endTime=2024-02-07T23:59:59.999Z&pageSize=1000"
                     + "&splitResult=false&delay=10&stateRepository=#state&stateKey=kill")
                        .process(e -> write(out, e.getMessage().getBody(JsonNode.class), points.split(",")));
            }
        });
        context.start();
        System.out.println("started");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** The samples of one exchange, in one write: a kill leaves at most one torn line at the end. */
    private static void write(FileChannel out, JsonNode body, String[] points) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (JsonNode record : body) {
            for (String point : points) {
                if (record.has(point)) {
                    lines.append(record.path("assetId").asText()).append('/').append(point).append('/')
                            .append(record.path("timestamp").asLong()).append('\n');
                }
            }
        }
        ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
