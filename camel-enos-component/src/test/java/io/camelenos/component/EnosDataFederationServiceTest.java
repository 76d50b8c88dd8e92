package io.camelenos.component;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Data Federation service of the emulator: channels, SQL reads answered as records with their column metadata,
 * jobs, followed downloads and the write channels.
 */
class EnosDataFederationServiceTest extends EnosServiceTestSupport {

    static final String SERVICE = "data-federation";
    static final String READ = "channelId=ch-read-enos";

    private JsonNode federation(String operation, String options, Object body) {
        return json(SERVICE, operation, options, body);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:rows")
                        .to("enos:data-federation/read?channelId=ch-read-enos&outputType=java.util.Map")
                        .split(body())
                        .to("mock:row");
            }
        };
    }

    @Test
    void everyEndpointAnswers() {
        assertEquals(3, federation("listChannels", "", null).size());
        JsonNode readChannels = federation("listChannels", "channelType=READ", null);
        assertEquals("ch-read-enos", readChannels.get(0).path("channelId").asText());
        assertEquals(1, readChannels.size());

        String sql = "SELECT COUNT(*) AS n FROM points";
        Exchange read = call(SERVICE, "readData", READ + "&sqlQuery=" + sql, null);
        assertEquals(List.of("n"), read.getMessage().getHeader(EnosConstants.COLUMNS, List.class));
        assertEquals(List.of("BIGINT"), read.getMessage().getHeader(EnosConstants.COLUMN_TYPES, List.class));
        JsonNode job = federation("listJobs", READ, null).path("finishedJobs").get(0);
        assertEquals(sql, job.path("sqlQuery").asText());
        JsonNode details = federation("getJobDetails", READ + "&jobId=" + job.path("jobId").asText(), null);
        assertEquals(2, details.path("state").asInt(), "2 = completed");

        federation("stopChannel", READ, null);
        assertEquals(99400, failure(SERVICE, "readData", READ, Map.of("sqlQuery", sql)).getCode());
        federation("startChannel", READ, null);
        List<?> rows = call(SERVICE, "readData", READ, Map.of("sqlQuery", sql)).getMessage().getBody(List.class);
        assertTrue(((JsonNode) rows.get(0)).path("n").asLong() > 0, rows.toString());
        assertEquals(1, rows.size());

        String taskId = federation("requestDownload", READ, download("SELECT * FROM points")).path("taskId").asText();
        assertEquals("running", federation("getDownloadStatus", READ + "&taskId=" + taskId, null).path("status").asText());
        federation("cancelDownload", READ + "&taskId=" + taskId, null);
        assertEquals("canceled", federation("getDownloadStatus", READ + "&taskId=" + taskId, null).path("status").asText());

        Map<String, Object> message = Map.of("data", "{\"table\":\"t\",\"lines\":[{\"a\":1},7,{}]}", "sync", true);
        JsonNode answer = federation("writeMessage", "channelId=ch-write-mysql&dataSourceName=mysql_remote", message);
        assertEquals(0, answer.path("code").asInt());
        assertEquals(2, answer.path("failures").size(), "a number and an empty object are not lines: " + answer);
        Exchange file = call(SERVICE, "writeFile", "channelId=ch-write-mysql&dataSourceName=mysql_remote",
                Map.of("fileName", "camel.csv"));
        assertEquals(0, file.getMessage().getHeader(EnosConstants.CODE));
        Map<String, Object> chunk = Map.of("fileName", "camel.bin", "totalSize", 10, "chunkOffset", 0, "chunkSize", 4,
                "chunkData", Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4 }));
        assertEquals(0, call(SERVICE, "writeChunkFile", "channelId=ch-write-hdfs&dataSourceName=hdfs_remote", chunk)
                .getMessage().getHeader(EnosConstants.CODE));
        assertEveryOperationCalled(SERVICE, name -> true);
    }

    @Test
    void selectOverAssetsReturnsExactlyTheEmulatorsAssets() {
        Exchange read = call(SERVICE, "read", READ, Map.of("sqlQuery", "SELECT asset_id, model_id, name FROM assets"));
        Map<String, String> rows = new HashMap<>();
        for (Object row : read.getMessage().getBody(List.class)) {
            JsonNode record = (JsonNode) row;
            rows.put(record.path("asset_id").asText(), record.path("model_id").asText() + "|" + record.path("name").asText());
        }

        Map<String, String> assets = new HashMap<>();
        Iterator<?> search = template.requestBody("enos:asset/search?fetchAll=true&pageSize=20", null, Iterator.class);
        search.forEachRemaining(node -> {
            JsonNode asset = (JsonNode) node;
            assets.put(asset.path("assetId").asText(),
                    asset.path("modelId").asText() + "|" + asset.path("name").path("defaultValue").asText());
        });
        assertEquals(assets, rows);
        assertEquals(50, rows.size());
        assertEquals(List.of("asset_id", "model_id", "name"),
                read.getMessage().getHeader(EnosConstants.COLUMNS, List.class));
        // the table's columns are VARCHAR(n): H2 names that type VARCHAR or CHARACTER VARYING
        List<?> types = read.getMessage().getHeader(EnosConstants.COLUMN_TYPES, List.class);
        assertEquals(3, types.size());
        assertTrue(types.stream().allMatch(t -> t.toString().contains("CHAR")), types.toString());
    }

    @Test
    void rowsSplitIntoOneExchangePerRecord() throws Exception {
        String modelId = sim.dataSet().modelOf(3).modelId();
        long expected = IntStream.range(0, sim.dataSet().baseAssetCount())
                .filter(i -> sim.dataSet().modelOf(i).modelId().equals(modelId)).count();
        MockEndpoint rows = getMockEndpoint("mock:row");
        rows.expectedMessageCount((int) expected);
        rows.allMessages().body().isInstanceOf(Map.class);
        rows.allMessages().body().convertToString().contains("asset_id=");

        template.sendBodyAndHeader("direct:rows", null, EnosConstants.SQL_QUERY,
                "SELECT asset_id, created_at FROM assets WHERE model_id = '" + modelId + "'");

        rows.assertIsSatisfied();
        assertTrue(expected > 0);
    }

    @Test
    void aFollowedDownloadAnswersItsFinalStatus() {
        Exchange followed = call(SERVICE, "requestDownload", READ + "&followDownload=true&downloadPollInterval=10",
                download("SELECT * FROM telemetry"));

        JsonNode status = followed.getMessage().getBody(JsonNode.class);
        String taskId = followed.getMessage().getHeader(EnosConstants.TASK_ID, String.class);
        assertEquals("done", status.path("status").asText());
        assertEquals(100, status.path("progress").asInt());
        assertEquals(taskId, status.path("taskId").asText());
        long polls = requestsTo("/data-federation/v2.0/channels/read/ch-read-enos/download/" + taskId + "/status").size();
        assertTrue(polls >= 2, "polled until done, " + polls + " polls");
    }

    @Test
    void aDownloadThatTakesTooLongFailsNamingTheTask() {
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class, () -> call(SERVICE,
                "requestDownload", READ + "&followDownload=true&downloadPollInterval=50&downloadTimeout=1",
                download("SELECT * FROM assets")));

        ExchangeTimedOutException timeout = assertInstanceOf(ExchangeTimedOutException.class, thrown.getCause());
        assertTrue(timeout.getMessage().matches(".*download task dl-\\d+ is still running.*"), timeout.getMessage());
    }

    @Test
    void aFollowedDownloadEndsWhenItsProducerStops() throws Exception {
        Exchange exchange = followThen((producer, following) -> producer.stop());

        assertInstanceOf(RejectedExecutionException.class, exchange.getException());
        assertTrue(exchange.getException().getMessage().matches("Stopped while following EnOS download task dl-\\d+"),
                exchange.getException().getMessage());
    }

    @Test
    void aFollowedDownloadEndsWhenItsThreadIsInterrupted() throws Exception {
        Exchange exchange = followThen((producer, following) -> following.interrupt());

        assertInstanceOf(InterruptedIOException.class, exchange.getException().getCause(),
                exchange.getException().toString());
    }

    /** What a test does to a follower waiting between two polls. */
    @FunctionalInterface
    private interface Disturbance {
        void apply(Producer producer, Thread following) throws Exception;
    }

    /**
     * Follows a download (polled every second, 600 s allowed) in a thread of its own, disturbs it once its status
     * has been polled, and answers the exchange once the follower has ended, which must be within seconds.
     */
    private Exchange followThen(Disturbance disturbance) throws Exception {
        Producer producer = context.getEndpoint("enos:" + SERVICE + "/requestDownload?" + READ
                + "&followDownload=true&downloadPollInterval=1000").createProducer();
        producer.start();
        Exchange exchange = producer.getEndpoint().createExchange();
        exchange.getMessage().setBody(download("SELECT * FROM assets"));
        Thread following = new Thread(() -> {
            try {
                producer.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
        }, "follow-download");
        following.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.requestLog()
                .count(entry -> entry.path().matches(".*/download/dl-\\d+/status")) == 1);

        disturbance.apply(producer, following);

        following.join(10_000);
        assertFalse(following.isAlive(), "the follower still waits");
        producer.stop();
        return exchange;
    }

    @Test
    void followDownloadOnAnotherOperationFailsAtStart() {
        Exception thrown = assertThrows(Exception.class,
                () -> context.getEndpoint("enos:data-federation/readData?channelId=x&followDownload=true"));

        assertTrue(thrown.getMessage().contains("followDownload"), thrown.getMessage());
    }

    @Test
    void documentedErrorsSurfaceWithTheirCode() {
        assertEquals(99404, failure(SERVICE, "readData", "channelId=nope", Map.of("sqlQuery", "SELECT 1")).getCode());
        EnosApiException write = failure(SERVICE, "readData", READ, Map.of("sqlQuery", "DELETE FROM assets"));
        assertEquals(99400, write.getCode());
        assertTrue(write.getMsg().contains("sqlQuery"), write.getMsg());
        assertEquals(99400, failure(SERVICE, "readData", READ, Map.of("sqlQuery", "SELECT * FROM nowhere")).getCode());
        assertEquals(99400, failure(SERVICE, "readData", READ, Map.of()).getCode());
        assertEquals(99404, failure(SERVICE, "getJobDetails", READ + "&jobId=nope", null).getCode());
        assertEquals(99404, failure(SERVICE, "getDownloadStatus", READ + "&taskId=dl-0", null).getCode());
    }

    private static Map<String, Object> download(String sql) {
        return Map.of("taskName", "camel", "sourceName", "enos_data", "querySql", sql, "filePackageName", "camel.zip");
    }
}
