package io.camelenos.simulator.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FederationServiceTest {

    private static final String BASE = "/data-federation/v2.0/channels";
    private static final String READ = BASE + "/read/" + FederationService.READ_CHANNEL;

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(60));

    private SimClient client() {
        return new SimClient(enos.simulator());
    }

    private SimClient.Answer sql(String query) {
        return client().post(READ, Map.of(), Json.object().put("sqlQuery", query));
    }

    private JsonNode rows(String query) {
        SimClient.Answer answer = sql(query);
        assertEquals(0, answer.code(), answer.body().toString());
        assertEquals("COMPLETED", answer.data().get("queryState").asText());
        return answer.data().get("rows");
    }

    @Test
    void listChannelsFiltersByType() {
        JsonNode all = client().get(BASE, Map.of()).data();
        assertEquals(3, all.size());
        JsonNode write = client().get(BASE, Map.of("channelType", "WRITE")).data();
        assertEquals(2, write.size());
        assertEquals("MYSQL", write.get(0).get("dataSourceInfo").get(0).get("dataSourceType").asText());
        assertEquals(99400, client().get(BASE, Map.of("channelType", "BOTH")).code());
    }

    @Test
    void readRunsRealSqlOverTheAssets() {
        SimClient.Answer answer = sql("SELECT model_id, COUNT(*) AS n FROM assets GROUP BY model_id ORDER BY model_id");

        JsonNode data = answer.data();
        assertEquals("[\"model_id\",\"n\"]", data.get("columns").toString());
        assertEquals("VARCHAR", data.get("metadata").get(0).asText());
        assertEquals("BIGINT", data.get("metadata").get(1).asText());
        JsonNode rows = data.get("rows");
        assertEquals("EnOS_Meter", rows.get(0).get("model_id").asText());
        assertEquals(3, rows.get(0).get("n").asInt(), "one meter per site");
        long total = 0;
        for (JsonNode row : rows) {
            total += row.get("n").asLong();
        }
        assertEquals(60, total);
    }

    @Test
    void telemetryJoinsAssetsAndMatchesTheTimeSeries() {
        String turbine = enos.simulator().dataSet().assetId(1);
        JsonNode rows = rows("SELECT t.asset_id, t.point_id, t.ts_millis, t.point_value, a.site FROM telemetry t "
                + "JOIN assets a ON a.asset_id = t.asset_id WHERE t.asset_id = '" + turbine + "' "
                + "AND t.point_id = 'WTG.WindSpeed' ORDER BY t.ts_millis DESC LIMIT 5");

        assertEquals(5, rows.size());
        JsonNode latest = rows.get(0);
        assertEquals("S0001", latest.get("site").asText());
        double expected = new io.camelenos.simulator.data.TimeSeries(enos.simulator().dataSet())
                .value(1, io.camelenos.simulator.data.ThingModels.WIND_TURBINE.point("WTG.WindSpeed"),
                        latest.get("ts_millis").asLong());
        assertEquals(expected, latest.get("point_value").asDouble(), 1e-9);
        assertTrue(rows.get(0).get("ts_millis").asLong() > rows.get(1).get("ts_millis").asLong());
    }

    @Test
    void showSchemasWorksAsInTheDocSample() {
        JsonNode data = sql("show schemas").data();
        assertEquals("schema_name", data.get("columns").get(0).asText().toLowerCase());
        assertTrue(data.get("rows").size() >= 1);
    }

    @Test
    void writesAreRefusedWith99400AndChangeNothing() {
        for (String write : new String[] {"DELETE FROM assets", "DROP TABLE assets",
                "INSERT INTO points VALUES ('m','p','n','AI','DOUBLE','u',1)", "CREATE TABLE x (a INT)"}) {
            SimClient.Answer answer = sql(write);
            assertEquals(99400, answer.code(), write);
            assertTrue(answer.body().get("msg").asText().contains("sqlQuery"), answer.body().toString());
        }
        assertEquals(60, rows("SELECT COUNT(*) AS n FROM assets").get(0).get("n").asInt());
    }

    @Test
    void fileFunctionsAreNotAvailableToTheReader() {
        assertEquals(99400, sql("SELECT FILE_READ('/etc/hostname') AS f").code());
    }

    @Test
    void badSqlAndMissingQueryFailWith99400() {
        assertEquals(99400, sql("SELECT nope FROM assets").code());
        assertEquals(99400, client().post(READ, Map.of(), Json.object()).code());
        assertEquals(99400, client().post(READ, Map.of(), Json.object().put("sqlQuery", "SELECT 1").put("queue", "Lukewarm")).code());
    }

    @Test
    void unknownOrWrongChannelsAreRefused() {
        assertEquals(99404, client().post(BASE + "/read/ch-nope", Map.of(), Json.object().put("sqlQuery", "SELECT 1")).code());
        assertEquals(99400, client().post(BASE + "/read/ch-write-mysql", Map.of(), Json.object().put("sqlQuery", "SELECT 1")).code());
    }

    @Test
    void aStoppedChannelReadsNothingUntilStarted() {
        String channel = BASE + "/" + FederationService.READ_CHANNEL;
        assertEquals(0, client().post(channel, Map.of("action", "stop"), Json.object()).code());
        assertEquals(99400, sql("SELECT 1 AS one").code());
        assertEquals(0, client().post(channel, Map.of("action", "start"), Json.object()).code());
        assertEquals(1, rows("SELECT 1 AS one").get(0).get("one").asInt());
    }

    @Test
    void everyReadIsAJob() {
        rows("SELECT asset_id FROM assets LIMIT 1");
        sql("SELECT broken FROM");

        JsonNode jobs = client().get(READ + "/jobs", Map.of()).data();
        JsonNode finished = jobs.get("finishedJobs");
        assertEquals("Failed", finished.get(0).get("state").asText());
        assertEquals("SELECT asset_id FROM assets LIMIT 1", finished.get(1).get("sqlQuery").asText());
        assertEquals("Succeeded", finished.get(1).get("state").asText());

        String jobId = finished.get(1).get("jobId").asText();
        JsonNode job = client().get(READ + "/jobs/" + jobId, Map.of()).data();
        assertEquals(2, job.get("state").asInt());
        assertEquals(jobId, job.get("jobId").asText());
        assertEquals(99404, client().get(READ + "/jobs/nope", Map.of()).code());
    }

    @Test
    void downloadsFinishAfterPollsOrTime() {
        ObjectNode request = Json.object().put("taskName", "export").put("sourceName", "enos_data")
                .put("querySql", "SELECT * FROM assets").put("filePackageName", "assets.zip");
        String first = client().post(READ + "/download-request", Map.of(), request).data().get("taskId").asText();

        assertEquals("running", client().get(READ + "/download/" + first + "/status", Map.of()).data().get("status").asText());
        assertEquals("running", client().get(READ + "/download/" + first + "/status", Map.of()).data().get("status").asText());
        JsonNode done = client().get(READ + "/download/" + first + "/status", Map.of()).data();
        assertEquals("done", done.get("status").asText());
        assertEquals(100, done.get("progress").asInt());

        String second = client().post(READ + "/download-request", Map.of(), request).data().get("taskId").asText();
        enos.simulator().clock().advance(Duration.ofMillis(FederationService.DOWNLOAD_MILLIS));
        assertEquals("done", client().get(READ + "/download/" + second + "/status", Map.of()).data().get("status").asText());
        assertEquals(99400, client().send("DELETE", READ + "/download/" + second, client().orgQuery(Map.of()), null, true).code());
    }

    @Test
    void aCanceledDownloadStaysCanceled() {
        ObjectNode request = Json.object().put("querySql", "SELECT asset_id FROM assets");
        String task = client().post(READ + "/download-request", Map.of(), request).data().get("taskId").asText();

        SimClient.Answer cancel = client().send("DELETE", READ + "/download/" + task, client().orgQuery(Map.of()), null, true);
        assertEquals(0, cancel.code(), cancel.body().toString());
        assertEquals("canceled", client().get(READ + "/download/" + task + "/status", Map.of()).data().get("status").asText());
        assertEquals(99404, client().get(READ + "/download/dl-999/status", Map.of()).code());
        assertEquals(99400, client().post(READ + "/download-request", Map.of(), Json.object().put("querySql", "DROP TABLE assets")).code());
    }

    @Test
    void writeMessageReportsTheLinesThatFailed() {
        ObjectNode data = Json.object().put("table", "data");
        data.putArray("lines").add(Json.object().put("dev_id", "a").put("WGEN.GenActivePW", "45.7")).add("oops");
        ObjectNode body = Json.object().put("dataSourceName", "mysql_remote").put("data", data.toString()).put("sync", true);

        SimClient.Answer answer = client().post(BASE + "/write/ch-write-mysql/msg", Map.of(), body);

        assertEquals(0, answer.code(), answer.body().toString());
        assertEquals(1, answer.body().get("failures").size());
        assertEquals("oops", answer.body().get("failures").get(0).get("line").get(0).asText());
        body.put("dataSourceName", "hdfs_remote");
        assertEquals(99400, client().post(BASE + "/write/ch-write-mysql/msg", Map.of(), body).code());
        body.put("dataSourceName", "mysql_remote").put("data", "not json");
        assertEquals(99400, client().post(BASE + "/write/ch-write-mysql/msg", Map.of(), body).code());
        assertEquals(99400, client().post(BASE + "/write/" + FederationService.READ_CHANNEL + "/msg", Map.of(), body).code());
    }

    @Test
    void writeFileNeedsAFileNameAndADataSource() {
        assertEquals(0, client().post(BASE + "/write/ch-write-mysql/file", Map.of("dataSourceName", "mysql_remote"),
                Json.object().put("fileName", "a.csv")).code());
        assertEquals(99400, client().post(BASE + "/write/ch-write-mysql/file", Map.of("dataSourceName", "mysql_remote"),
                Json.object()).code());
        assertEquals(99400, client().post(BASE + "/write/ch-write-mysql/file", Map.of(), Json.object().put("fileName", "a")).code());
    }

    @Test
    void chunksAreCheckedAgainstTheirSizes() {
        String chunk = Base64.getEncoder().encodeToString("testtesttttest".getBytes());
        ObjectNode body = Json.object().put("fileName", "ttt").put("totalSize", "14").put("chunkData", chunk)
                .put("chunkSize", "14").put("chunkOffset", "0");
        Map<String, String> hdfs = Map.of("dataSourceName", "hdfs_remote");

        SimClient.Answer answer = client().post(BASE + "/write/ch-write-hdfs/chunk-file", hdfs, body);
        assertEquals(0, answer.code(), answer.body().toString());
        assertEquals("OK", answer.body().get("msg").asText());

        body.put("chunkSize", "13");
        assertEquals(99400, client().post(BASE + "/write/ch-write-hdfs/chunk-file", hdfs, body).code());
        body.put("chunkSize", "14").put("chunkOffset", "5");
        assertEquals(99400, client().post(BASE + "/write/ch-write-hdfs/chunk-file", hdfs, body).code());
        body.put("chunkOffset", "0");
        assertEquals(99400, client().post(BASE + "/write/ch-write-mysql/chunk-file", Map.of("dataSourceName", "mysql_remote"), body).code());
    }

    @Test
    void aMalformedAuthorizationHeaderIsRefused() {
        SimClient.Answer answer = client().send("GET", BASE, client().orgQuery(Map.of()), null, true,
                Map.of("Authorization", "token"));
        assertEquals(401, answer.status());
        assertFalse(answer.body().has("data"));
        assertEquals(0, client().send("GET", BASE, client().orgQuery(Map.of()), null, true,
                Map.of("Authorization", "Bearer " + client().token())).code());
    }
}
