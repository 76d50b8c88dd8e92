package io.camelenos.simulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.EnosSimulatorExtension;
import io.camelenos.simulator.SimClient;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchServiceTest {

    private static final String V20 = "/dataflow-batch-service/v2.0";
    private static final String V21 = "/batch-processing-service/v2.1";
    private static final String ADMIN = "u16000000000001";
    private static final String OPERATOR = "u16000000000002";
    private static final String DISABLED = "u16000000000003";

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(30));

    private SimClient client() {
        return new SimClient(enos.simulator());
    }

    private SimClient.Answer get(String base, String path, String user, Map<String, String> query) {
        Map<String, String> q = new HashMap<>(query);
        if (user != null) {
            q.put("userId", user);
        }
        return client().get(base + path, q);
    }

    private SimClient.Answer post(String base, String path, String action, String user, Object body) {
        Map<String, String> q = new HashMap<>();
        q.put("action", action);
        if (user != null) {
            q.put("userId", user);
        }
        return client().post(base + path, q, body);
    }

    private JsonNode ok(SimClient.Answer answer) {
        assertEquals(0, answer.body().get("status").asInt(), answer.body().toString());
        return answer.data();
    }

    private long now() {
        return enos.simulator().clock().nowMillis();
    }

    @ParameterizedTest
    @ValueSource(strings = {V20, V21})
    void getAnswersTheFlowWithItsGraph(String base) throws Exception {
        JsonNode flow = ok(get(base, "/flows", ADMIN, Map.of("action", "get", "flowId", "1001")));

        assertEquals("daily_energy_rollup", flow.get("flowName").asText());
        assertEquals("D", flow.get("cycle").asText());
        assertTrue(flow.get("hasEditPri").asBoolean());
        JsonNode graph = Json.MAPPER.readTree(flow.get("graph").asText());
        assertEquals(2, graph.get("tasks").size());
        assertEquals("t_20001", graph.get("relations").get(0).get("source").asText());
        assertFalse(ok(get(base, "/flows", OPERATOR, Map.of("action", "loadForEdit", "flowId", "1001")))
                .get("hasEditPri").asBoolean());
    }

    @Test
    void unknownUserFailsWith62101() {
        assertEquals(62101, get(V20, "/flows", "u0", Map.of("action", "get", "flowId", "1001")).code());
        assertEquals(62101, get(V20, "/flows", null, Map.of("action", "get", "flowId", "1001")).code());
    }

    @Test
    void unknownOrMalformedFlowFailsWith62102() {
        assertEquals(62102, get(V20, "/flows", ADMIN, Map.of("action", "get", "flowId", "9")).code());
        assertEquals(62102, get(V20, "/flows", ADMIN, Map.of("action", "export", "flowId", "x")).code());
    }

    @Test
    void myFlowsAreTheOnesTheUserOwns() {
        JsonNode mine = ok(get(V20, "/flows", ADMIN, Map.of("action", "getMyFlow", "searchValue", "energy")));
        assertEquals(1, mine.size());
        assertEquals("1001", mine.get(0).get("flowId").asText());
        assertEquals(0, ok(get(V20, "/flows", OPERATOR, Map.of("action", "getMyFlow"))).size());
        JsonNode v21 = ok(get(V21, "/flows", ADMIN, Map.of("action", "getMyFlow", "expression", "hourly")));
        assertEquals(1, v21.size());
        assertEquals("1002", v21.get(0).get("flowId").asText());
    }

    @Test
    void exportDescribesTasksByName() {
        JsonNode export = ok(get(V21, "/flows", ADMIN, Map.of("action", "export", "flowId", "1001")));

        assertEquals("0 0 0 * * ? *", export.get("cron").asText());
        assertEquals("load_energy", export.get("tasks").get(0).get("name").asText());
        assertEquals("rollup_sites", export.get("relations").get(0).get("targetTaskName").asText());
    }

    @Test
    void searchPagesFromZeroAndSortsByTheAllowedFields() {
        ObjectNode body = Json.object().put("expression", "");
        body.putObject("pagination").put("pageNo", 0).put("pageSize", 2).putArray("sorters").addObject()
                .put("field", "createTime").put("order", "ASC");
        JsonNode page = ok(post(V20, "/flows", "search", OPERATOR, body));
        assertEquals(2, page.size());
        assertEquals("1001", page.get(0).get("flowId").asText());

        ((ObjectNode) body.get("pagination")).putArray("sorters").addObject().put("field", "flowName");
        assertEquals(62102, post(V20, "/flows", "search", OPERATOR, body).code());
    }

    @Test
    void importCreatesAFlowInADirectoryAndExportImportRoundTrips() {
        JsonNode exported = ok(get(V20, "/flows", ADMIN, Map.of("action", "export", "flowId", "1001")));
        ObjectNode body = Json.object().put("flowName", "copy_of_rollup").put("desc", "copy").put("dirId", "wf-root");
        body.set("flowJson", exported);

        int flowId = ok(post(V20, "/flows", "import", OPERATOR, body)).get("flowId").asInt();

        JsonNode copy = ok(get(V20, "/flows", OPERATOR, Map.of("action", "get", "flowId", Integer.toString(flowId))));
        assertEquals("copy_of_rollup", copy.get("flowName").asText());
        assertEquals("operator", copy.get("owner").asText());
        JsonNode dirs = ok(get(V20, "/directories", OPERATOR, Map.of("action", "listWorkFlowDirs")));
        assertTrue(dirs.toString().contains("\"title\":\"copy_of_rollup\""));

        body.put("dirId", "nope");
        assertEquals(62102, post(V20, "/flows", "import", OPERATOR, body).code());
        body.remove("flowName");
        assertEquals(62102, post(V20, "/flows", "import", OPERATOR, body).code());
    }

    @Test
    void saveChangesTheFlowAndChecksItsFields() {
        ObjectNode body = Json.object().put("id", "1002").put("type", 1).put("name", "hourly_alarm_stats_v2")
                .put("freq", "0 30 * * * ? *").put("cycle", "H").put("alertMode", 0).put("doAs", "db")
                .put("owners", "admin").put("visitors", "").put("startTime", "2024-02-01").put("active", 0);
        assertEquals(1002, ok(post(V20, "/flows", "save", ADMIN, body)).get("flowId").asInt());
        assertEquals("hourly_alarm_stats_v2", ok(get(V20, "/flows", ADMIN, Map.of("action", "get", "flowId", "1002")))
                .get("flowName").asText());

        assertEquals(62103, post(V20, "/flows", "save", OPERATOR, body).code());
        assertEquals(62105, post(V20, "/flows", "save", DISABLED, body).code());
        body.put("cycle", "Y");
        assertEquals(62102, post(V20, "/flows", "save", ADMIN, body).code());
        body.put("id", "4242");
        SimClient.Answer missing = post(V20, "/flows", "save", ADMIN, body);
        assertEquals(62102, missing.code());
        assertEquals("graph not found", missing.body().get("msg").asText());
    }

    @Test
    void enableAndDisableSetTheSchedulingState() {
        ok(post(V20, "/flows", "enable", ADMIN, Json.object().put("flowId", 1003)));
        assertEquals(1, ok(get(V20, "/flows", ADMIN, Map.of("action", "get", "flowId", "1003"))).get("active").asInt());
        ok(post(V21, "/flows", "disable", ADMIN, Json.object().put("flowId", 1003)));
        assertEquals(0, ok(get(V20, "/flows", ADMIN, Map.of("action", "get", "flowId", "1003"))).get("active").asInt());
        assertEquals(62103, post(V20, "/flows", "enable", OPERATOR, Json.object().put("flowId", 1003)).code());
    }

    @Test
    void aTriggeredRunMovesFromRunningToSuccessAsTheClockAdvances() {
        String id = ok(post(V20, "/flows", "trigger", ADMIN, Json.object().put("flowId", 1001)
                .put("triggerTime", now() - 1000))).get("flowInstanceId").asText();
        assertTrue(id.startsWith("1001-"));

        JsonNode running = ok(get(V20, "/flowInstances", ADMIN, Map.of("action", "get", "flowInstId", id)));
        assertEquals("RUNNING", running.get("statusDesc").asText());
        assertEquals("", running.get("endTime").asText());

        enos.simulator().clock().advance(Duration.ofSeconds(11));
        JsonNode done = ok(get(V21, "/flowInstances", ADMIN, Map.of("action", "get", "flowInstId", id)));
        assertEquals(1, done.get("status").asInt());
        assertEquals("SUCCESS", done.get("statusDesc").asText());
        assertFalse(done.get("endTime").asText().isEmpty());

        String taskInst = "20002-" + id.substring(id.indexOf('-') + 1);
        String log = ok(get(V20, "/taskInstances", ADMIN, Map.of("action", "getLog", "taskInstId", taskInst)))
                .get("log").asText();
        assertTrue(log.contains("rollup_sites"));
        assertEquals(10, ok(get(V20, "/taskInstances", ADMIN, Map.of("action", "getLog", "taskInstId", taskInst,
                "maxLength", "10"))).get("log").asText().length());
        assertEquals("SUCCESS", ok(get(V20, "/taskInstances", ADMIN, Map.of("action", "get", "taskInstId", taskInst)))
                .get("status").asText());
    }

    @Test
    void aFutureRunWaitsAndHasNoLogYet() {
        String id = ok(post(V20, "/flows", "trigger", ADMIN, Json.object().put("flowId", 1002)
                .put("triggerTime", now() + 3_600_000))).get("flowInstanceId").asText();

        assertEquals("INIT", ok(get(V20, "/flowInstances", ADMIN, Map.of("action", "get", "flowInstId", id)))
                .get("statusDesc").asText());
        String taskInst = "20003-" + id.substring(id.indexOf('-') + 1);
        assertEquals(62109, get(V20, "/taskInstances", ADMIN, Map.of("action", "getLog", "taskInstId", taskInst)).code());
        assertEquals(62102, get(V20, "/taskInstances", ADMIN, Map.of("action", "getLog", "taskInstId", "1-2")).code());

        ok(post(V20, "/flowInstances", "cancel", ADMIN, Json.object().put("flowInstId", id)));
        JsonNode cancelled = ok(get(V20, "/flowInstances", ADMIN, Map.of("action", "get", "flowInstId", id)));
        assertEquals("CANCEL", cancelled.get("statusDesc").asText());
        assertTrue(cancelled.get("isCancelled").asBoolean());
        assertEquals(62102, post(V20, "/flowInstances", "cancel", ADMIN, Json.object().put("flowInstId", id)).code());
        assertEquals(62102, post(V20, "/flowInstances", "cancel", ADMIN, Json.object().put("flowInstId", "nope")).code());
    }

    @Test
    void triggeringAFlowWithoutTasksFailsWith62104() {
        assertEquals(62104, post(V20, "/flows", "trigger", ADMIN, Json.object().put("flowId", 1003)
                .put("triggerTime", now())).code());
        assertEquals(62102, post(V20, "/flows", "trigger", ADMIN, Json.object().put("flowId", 1001)).code());
        assertEquals(62103, post(V20, "/flows", "trigger", OPERATOR, Json.object().put("flowId", 1001)
                .put("triggerTime", now())).code());
    }

    @Test
    void updateAndTriggerRunsWithTheGivenParametersOnly() {
        ObjectNode body = Json.object().put("flowId", 1001).put("triggerTime", now());
        body.putArray("parameters").addObject().put("key", "REPLACE").put("value", "x");
        String id = ok(post(V20, "/flows", "updateAndTrigger", ADMIN, body)).get("flowInstanceId").asText();

        assertTrue(ok(get(V20, "/flowInstances", ADMIN, Map.of("action", "get", "flowInstId", id)))
                .get("parameters").asText().contains("REPLACE"));
        assertEquals("[]", ok(get(V20, "/flows", ADMIN, Map.of("action", "get", "flowId", "1001"))).get("parameters").asText());
        body.remove("parameters");
        assertEquals(62102, post(V20, "/flows", "updateAndTrigger", ADMIN, body).code());
    }

    @Test
    void triggerFromTaskRunsThatTaskAndTheOnesAfterIt() throws Exception {
        String id = ok(post(V21, "/flows", "triggerFromTask", ADMIN, Json.object().put("flowId", 1001)
                .put("taskId", "20002").put("triggerTime", now()))).get("flowInstanceId").asText();

        JsonNode graph = Json.MAPPER.readTree(ok(get(V21, "/flowInstances", ADMIN,
                Map.of("action", "get", "flowInstId", id))).get("graph").asText());
        assertEquals(1, graph.get("tasks").size());
        assertEquals("rollup_sites", graph.get("tasks").get(0).get("taskName").asText());
    }

    @Test
    void instanceSearchFiltersByTriggerTimeAndChecksSorters() {
        long from = now() - 60_000;
        ok(post(V20, "/flows", "trigger", ADMIN, Json.object().put("flowId", 1001).put("triggerTime", now())));
        ObjectNode body = Json.object().put("type", 1).put("owner", "").put("fromTriggerTime", from)
                .put("toTriggerTime", now() + 60_000).put("expression", "rollup");

        JsonNode found = ok(post(V20, "/flowInstances", "search", ADMIN, body));
        assertTrue(found.get("count").asInt() >= 1);
        assertEquals("daily_energy_rollup", found.get("flowInsts").get(0).get("flowName").asText());

        body.putObject("pagination").put("pageNo", 0).put("pageSize", 5).putArray("sorters").addObject().put("field", "flowId");
        assertEquals(62102, post(V20, "/flowInstances", "search", ADMIN, body).code());
        body.remove("fromTriggerTime");
        assertEquals(62102, post(V20, "/flowInstances", "search", ADMIN, body).code());
    }

    @Test
    void deletingAFlowOthersDependOnFailsWith62104() {
        assertEquals(62104, get(V20, "/flows", ADMIN, Map.of("action", "delete", "flowId", "1001")).code());
        assertEquals(62103, get(V20, "/flows", OPERATOR, Map.of("action", "delete", "flowId", "1002")).code());

        ObjectNode body = Json.object().put("flowName", "to_delete").put("desc", "").put("dirId", "wf-root");
        body.putObject("flowJson").put("cycle", "D").put("cron", "0 0 0 * * ? *").putArray("tasks");
        String flowId = ok(post(V20, "/flows", "import", ADMIN, body)).get("flowId").asText();
        ok(get(V21, "/flows", ADMIN, Map.of("action", "delete", "flowId", flowId)));
        assertEquals(62102, get(V20, "/flows", ADMIN, Map.of("action", "get", "flowId", flowId)).code());
    }

    @Test
    void directoriesAreCreatedUnderAParentWithUniqueNames() {
        String dirId = ok(post(V20, "/directories", "create", ADMIN,
                Json.object().put("parentId", "wf-root").put("dirName", "reports"))).get("dirId").asText();

        JsonNode root = ok(get(V20, "/directories", ADMIN, Map.of("action", "listWorkFlowDirs"))).get(0);
        assertEquals("Workflow", root.get("title").asText());
        assertTrue(root.toString().contains(dirId));
        assertEquals(62102, post(V20, "/directories", "create", ADMIN,
                Json.object().put("parentId", "wf-root").put("dirName", "reports")).code());
        assertEquals(62102, post(V20, "/directories", "create", ADMIN,
                Json.object().put("parentId", "nope").put("dirName", "x")).code());
        assertEquals(62102, post(V20, "/directories", "create", ADMIN, Json.object().put("parentId", "wf-root")).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {V20, V21})
    void timeIsTheEmulatorsClockAndNeedsNoOrg(String base) {
        SimClient.Answer answer = client().send("GET", base + "/time", Map.of("action", "getCurrentTime"), null, true);
        long time = ok(answer).asLong();
        assertTrue(Math.abs(time - now()) < 5_000);
        assertEquals("GMT+0", ok(client().send("GET", base + "/time", Map.of("action", "getTimeZone"), null, true))
                .get("timezone").asText());
    }
}
