package io.camelenos.component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch processing service of the emulator, v2.1 ({@code enos:batch/getFlow}) and v2.0
 * ({@code enos:batch/getFlowV20}): every endpoint, runs that follow the emulator clock, and the documented errors.
 */
class EnosBatchServiceTest extends EnosServiceTestSupport {

    static final String ADMIN = "u16000000000001";
    static final String OPERATOR = "u16000000000002";
    static final String DISABLED = "u16000000000003";
    /** Seeded flows: 1001 has two tasks and is owned by admin; 1003 has none. */
    static final String DAILY = "1001";
    static final String EMPTY = "1003";
    /** Each run's task takes this long in the emulator. */
    static final Duration TASK = Duration.ofSeconds(5);

    @BeforeAll
    static void stopTheClock() {
        // runs move only when the test moves the emulator clock
        sim.clock().fixAt(Instant.parse("2026-03-01T08:00:00Z"));
    }

    private JsonNode batch(String operation, String options, Object body) {
        return json("batch", operation, "userId=" + ADMIN + (options.isEmpty() ? "" : "&" + options), body);
    }

    private long now() {
        return sim.clock().nowMillis();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "V20" })
    void everyEndpointAnswers(String v) {
        assertEquals(now(), json("batch", "getCurrentTime" + v, "", null).asLong());
        assertEquals("GMT+0", json("batch", "getTimeZone" + v, "", null).path("timezone").asText());

        String dirId = batch("createDirectory" + v, "", Map.of("parentId", "wf-root", "dirName", "camel" + v))
                .path("dirId").asText();
        JsonNode root = batch("listWorkflowDirs" + v, "", null).get(0);
        assertEquals("Workflow", root.path("title").asText());
        assertTrue(root.path("children").findValuesAsText("key").contains(dirId), root.toString());

        assertTrue(batch("searchFlow" + v, "", Map.of("expression", "daily")).findValuesAsText("flowId").contains(DAILY));
        assertTrue(batch("getMyFlow" + v, "", null).findValuesAsText("flowName").contains("daily_energy_rollup"));
        assertEquals("daily_energy_rollup", batch("getFlow" + v, "flowId=" + DAILY, null).path("flowName").asText());
        assertTrue(batch("loadFlowForEdit" + v, "flowId=" + DAILY, null).path("hasEditPri").asBoolean());
        JsonNode exported = batch("exportFlow" + v, "flowId=" + DAILY, null);
        assertEquals(List.of("load_energy", "rollup_sites"), exported.path("tasks").findValuesAsText("name"));

        String flowId = importCopy(v, exported, dirId);
        batch("saveFlow" + v, "", saveBody(flowId, "renamed" + v));
        assertEquals("renamed" + v, batch("getFlow" + v, "flowId=" + flowId, null).path("flowName").asText());
        batch("enableFlow" + v, "flowId=" + flowId, null);
        assertEquals(1, batch("getFlow" + v, "flowId=" + flowId, null).path("active").asInt());
        batch("disableFlow" + v, "flowId=" + flowId, null);
        assertEquals(0, batch("getFlow" + v, "flowId=" + flowId, null).path("active").asInt());

        String run = trigger("triggerFlow" + v, flowId, Map.of());
        JsonNode instance = batch("getFlowInstance" + v, "flowInstanceId=" + run, null);
        assertEquals(run, instance.path("instanceId").asText());
        JsonNode found = batch("listFlowInstances" + v, "", instanceSearch("renamed" + v));
        assertTrue(found.path("flowInsts").findValuesAsText("instanceId").contains(run), found.toString());
        String firstTask = firstTaskInstance(instance);
        assertEquals(run, batch("getTaskInstance" + v, "taskInstanceId=" + firstTask, null).path("flowInstId").asText());
        assertTrue(batch("getTaskInstanceLog" + v, "taskInstanceId=" + firstTask, null).path("log").asText()
                .contains("load_energy"));
        batch("cancelFlowInstance" + v, "flowInstanceId=" + run, null);
        assertEquals("CANCEL", batch("getFlowInstance" + v, "flowInstanceId=" + run, null).path("statusDesc").asText());

        String withParameters = trigger("updateAndTriggerFlow" + v, flowId, Map.of("parameters", "[{\"k\":\"v\"}]"));
        assertEquals("[{\"k\":\"v\"}]",
                batch("getFlowInstance" + v, "flowInstanceId=" + withParameters, null).path("parameters").asText());
        String secondTaskId = exportedTaskIds(flowId, v).get(1);
        String fromTask = trigger("triggerFlowFromTask" + v, flowId, Map.of("taskId", secondTaskId));
        assertEquals(1, graph(batch("getFlowInstance" + v, "flowInstanceId=" + fromTask, null)).path("tasks").size());

        batch("deleteFlow" + v, "flowId=" + flowId, null);
        assertEquals(62102, failure("batch", "getFlow" + v, "userId=" + ADMIN + "&flowId=" + flowId, null).getCode());
        assertEveryOperationCalled("batch", name -> name.endsWith("V20") == v.equals("V20"));
    }

    @Test
    void aRunGoesFromInitToRunningToSuccessAsTheClockMoves() {
        String flowId = importCopy("", batch("exportFlow", "flowId=" + DAILY, null), "wf-root");
        String run = trigger("triggerFlow", flowId, Map.of("triggerTime", now() + 10_000));
        String firstTask = firstTaskInstance(instance(run));

        assertEquals("INIT", instance(run).path("statusDesc").asText());
        assertEquals(62109, failure("batch", "getTaskInstanceLog", "userId=" + ADMIN + "&taskInstanceId=" + firstTask,
                null).getCode());
        sim.clock().advance(Duration.ofSeconds(10));
        assertEquals("RUNNING", instance(run).path("statusDesc").asText());
        assertEquals(2, instance(run).path("status").asInt());
        assertTrue(batch("getTaskInstanceLog", "taskInstanceId=" + firstTask, null).path("log").asText()
                .contains("RUNNING"));
        sim.clock().advance(TASK.multipliedBy(2));
        assertEquals("SUCCESS", instance(run).path("statusDesc").asText());
        assertEquals(1, instance(run).path("status").asInt());
        assertEquals("SUCCESS", batch("getTaskInstance", "taskInstanceId=" + firstTask, null).path("status").asText());
    }

    @Test
    void aCancelledRunStaysCancelledAndCannotBeCancelledAgain() {
        String flowId = importCopy("", batch("exportFlow", "flowId=" + DAILY, null), "wf-root");
        String run = trigger("triggerFlow", flowId, Map.of());
        sim.clock().advance(TASK);

        batch("cancelFlowInstance", "flowInstanceId=" + run, null);
        sim.clock().advance(TASK.multipliedBy(3));

        assertEquals("CANCEL", instance(run).path("statusDesc").asText());
        assertTrue(instance(run).path("isCancelled").asBoolean());
        assertEquals(62102, failure("batch", "cancelFlowInstance", "userId=" + ADMIN + "&flowInstanceId=" + run, null)
                .getCode());
    }

    @Test
    void documentedErrorsSurfaceWithTheirCode() {
        assertEquals(62101, failure("batch", "getFlow", "userId=u0&flowId=" + DAILY, null).getCode());
        assertEquals(62101, failure("batch", "getFlowV20", "flowId=" + DAILY, null).getCode());
        assertEquals(62102, failure("batch", "getFlow", "userId=" + ADMIN + "&flowId=999999", null).getCode());
        assertEquals(62102, failure("batch", "searchFlow", "userId=" + ADMIN,
                Map.of("pagination", Map.of("sorters", List.of(Map.of("field", "flowName"))))).getCode());
        assertEquals(62103, failure("batch", "enableFlow", "userId=" + OPERATOR + "&flowId=" + DAILY, null).getCode());
        assertEquals(62104, failure("batch", "triggerFlow", "userId=" + ADMIN + "&flowId=" + EMPTY,
                Map.of("triggerTime", now())).getCode());
        EnosApiException locked = failure("batch", "enableFlowV20", "userId=" + DISABLED + "&flowId=" + DAILY, null);
        assertEquals(62105, locked.getCode());
        assertTrue(locked.getMessage().contains("62105"), locked.getMessage());
    }

    @Test
    void searchFlowFetchAllPagesFromZeroUntilAShortPage() {
        for (int i = 0; i < 3; i++) {
            importCopy("", batch("exportFlow", "flowId=" + DAILY, null), "wf-root");
        }
        int total = batch("getMyFlow", "", null).size();

        Iterator<?> records = template.requestBody("enos:batch/searchFlow?userId=" + ADMIN + "&pageSize=2"
                                                   + "&fetchAll=true&outputType=java.util.Map", null, Iterator.class);
        Set<Object> ids = new HashSet<>();
        records.forEachRemaining(record -> ids.add(((Map<?, ?>) record).get("flowId")));

        // page 0 holds the first flows: starting from page 1 would miss them
        assertEquals(total, ids.size());
        assertTrue(ids.contains(DAILY));
        // full pages, then a short (or empty) one ends the search: the answers carry no total
        long searches = requestsTo("/batch-processing-service/v2.1/flows").stream()
                .filter(e -> e.query().contains("action=search")).count();
        assertEquals(total / 2 + 1, searches);
    }

    // ---- helpers

    private JsonNode instance(String run) {
        return batch("getFlowInstance", "flowInstanceId=" + run, null);
    }

    /** Imports a copy of an exported flow (owned by admin) and answers its id. */
    private String importCopy(String v, JsonNode exported, String dirId) {
        Map<String, Object> body = Map.of("flowName", "copy_" + System.nanoTime(), "desc", "", "dirId", dirId,
                "flowJson", exported);
        return batch("importFlow" + v, "", body).path("flowId").asText();
    }

    private static Map<String, Object> saveBody(String flowId, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", flowId);
        body.put("type", 1);
        body.put("name", name);
        body.put("freq", "0 0 0 * * ? *");
        body.put("cycle", "D");
        body.put("alertMode", 1);
        body.put("doAs", "db_camel");
        body.put("owners", "admin");
        body.put("visitors", "");
        body.put("startTime", "2026-01-01");
        body.put("active", 0);
        return body;
    }

    /** Triggers a run now (unless the body says when) and answers its instance id. */
    private String trigger(String operation, String flowId, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("triggerTime", now()));
        body.putAll(extra);
        return batch(operation, "flowId=" + flowId, body).path("flowInstanceId").asText();
    }

    private Map<String, Object> instanceSearch(String expression) {
        return Map.of("type", 1, "fromTriggerTime", now() - 60_000, "toTriggerTime", now() + 60_000,
                "expression", expression);
    }

    private List<String> exportedTaskIds(String flowId, String v) {
        return graph(batch("getFlow" + v, "flowId=" + flowId, null)).path("tasks").findValuesAsText("taskId");
    }

    private static String firstTaskInstance(JsonNode instance) {
        return graph(instance).path("tasks").get(0).path("taskInstId").asText();
    }

    private static JsonNode graph(JsonNode flowOrInstance) {
        try {
            return MAPPER.readTree(flowOrInstance.path("graph").asText());
        } catch (Exception e) {
            throw new AssertionError("graph is not JSON: " + flowOrInstance, e);
        }
    }
}
