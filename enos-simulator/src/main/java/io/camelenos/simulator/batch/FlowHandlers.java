package io.camelenos.simulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.iam.Users;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The workflow endpoints ({@code flows?action=...}): read, list, search, save, import, enable, delete, trigger. */
final class FlowHandlers {

    private static final Set<String> FLOW_SORTERS = Set.of("createTime", "updateTime", "startTime");

    private final BatchStore store;
    private final BatchAccess access;
    private final BatchViews views;

    FlowHandlers(BatchStore store, BatchAccess access, BatchViews views) {
        this.store = store;
        this.access = access;
        this.views = views;
    }

    /** What a flow read answers: the flow as read, or as exported. */
    interface FlowView {
        Object apply(Users.User user, Flow flow);
    }

    // GET flows?action=get|loadForEdit|export&flowId=&userId=
    Object read(SimRequest request, FlowView view) {
        Users.User user = access.user(request);
        return view.apply(user, store.flow(request.param("flowId")));
    }

    // GET flows?action=getMyFlow&searchValue= (v2.0 doc) or &expression= (v2.1 doc)
    Object myFlows(SimRequest request) {
        Users.User user = access.user(request);
        String search = request.query("searchValue") != null ? request.query("searchValue")
                : request.query("expression");
        ArrayNode list = Json.array();
        store.flows.values().stream().filter(f -> f.ownedBy(user.name()))
                .filter(f -> search == null || search.isEmpty() || f.name.contains(search))
                .forEach(f -> list.addObject().put("flowId", Integer.toString(f.id)).put("editable", true)
                        .put("flowName", f.name).put("cycle", f.cycle));
        return list;
    }

    // GET flows?action=delete&flowId=
    Object delete(SimRequest request) {
        Users.User user = access.user(request);
        Flow flow = access.owned(user, request.param("flowId"));
        boolean dependedOn = store.flows.values().stream().anyMatch(f -> f != flow && f.flows.findValuesAsText("flowId")
                .contains(Integer.toString(flow.id)));
        if (dependedOn) {
            throw ApiError.of(62104, "This workflow is relied on by other workflows. You cannot delete this workflow.");
        }
        store.flows.remove(flow.id);
        return "";
    }

    // POST flows?action=search {expression, pagination}
    Object searchFlows(SimRequest request) {
        access.user(request);
        JsonNode body = request.jsonObject();
        String expression = Json.text(body, "expression");
        List<Flow> found = new ArrayList<>(store.flows.values().stream()
                .filter(f -> expression == null || expression.isBlank() || f.name.contains(expression.trim())).toList());
        int[] page = BatchParams.page(body, FLOW_SORTERS, found, Map.of("createTime", f -> f.createTime,
                "updateTime", f -> f.updateTime, "startTime", f -> f.startTime));
        ArrayNode list = Json.array();
        BatchParams.slice(found, page).forEach(f -> list.addObject().put("flowId", Integer.toString(f.id)).put("flowName", f.name));
        return list;
    }

    // POST flows?action=save {id, type, name, freq, cycle, alertMode, doAs, owners, visitors, startTime, active, ...}
    Object save(SimRequest request) {
        Users.User user = access.writer(request);
        JsonNode body = request.jsonObject();
        String id = Json.text(body, "id");
        Flow flow = id == null ? null : store.flows.get(BatchParams.parseId(id, "id"));
        if (flow == null) {
            throw ApiError.of(62102, "graph not found");
        }
        access.owned(user, flow);
        for (String field : List.of("type", "name", "freq", "cycle", "alertMode", "doAs", "owners", "visitors",
                "startTime", "active")) {
            if (Json.text(body, field) == null) {
                throw ApiError.of(62102, "param: " + field + " cannot be empty");
            }
        }
        BatchParams.checkSchedule(Json.text(body, "cycle"), Json.text(body, "freq"));
        flow.type = BatchParams.intParam(body, "type");
        flow.name = Json.text(body, "name");
        flow.freq = Json.text(body, "freq");
        flow.cycle = Json.text(body, "cycle");
        flow.alertMode = BatchParams.intParam(body, "alertMode");
        flow.doAs = Json.text(body, "doAs");
        flow.owners = Json.text(body, "owners");
        flow.visitors = Json.text(body, "visitors");
        flow.startTime = Json.text(body, "startTime");
        flow.active = BatchParams.intParam(body, "active");
        if (body.has("parameters")) {
            flow.parameters = Json.text(body, "parameters");
        }
        flow.desc = BatchParams.textOr(body, "desc", flow.desc);
        flow.queue = BatchParams.textOr(body, "queue", flow.queue);
        if (body.get("tasks") instanceof ArrayNode tasks) {
            flow.tasks = tasks.deepCopy();
        }
        if (body.get("flows") instanceof ArrayNode upstream) {
            flow.flows = upstream.deepCopy();
        }
        if (body.get("relations") instanceof ArrayNode relations) {
            flow.relations = relations.deepCopy();
        }
        flow.updateUser = user.name();
        flow.updateTime = store.now();
        return Json.object().put("flowId", flow.id);
    }

    // POST flows?action=import {flowId?, flowName, desc, dirId, flowJson}
    Object importFlow(SimRequest request) {
        Users.User user = access.writer(request);
        JsonNode body = request.jsonObject();
        String name = Json.text(body, "flowName");
        if (name == null || name.isBlank()) {
            throw ApiError.of(62102, "Invalid parameter: flowName");
        }
        String dirId = Json.text(body, "dirId");
        if (dirId == null || Json.text(body, "desc") == null || !(body.get("flowJson") instanceof ObjectNode json)) {
            throw ApiError.of(62102, "Incorrect parameter");
        }
        if (!store.directories.containsKey(dirId)) {
            throw ApiError.of(62102, "Directory does not exist");
        }
        JsonNode tasks = json.get("tasks");
        if (tasks == null || !tasks.isArray() || json.get("cycle") == null || json.get("cron") == null) {
            throw ApiError.of(62102, "Workflow validation failed");
        }
        BatchParams.checkSchedule(json.get("cycle").asText(), json.get("cron").asText());
        String wanted = Json.text(body, "flowId");
        Flow flow = store.importedFlow(wanted);
        long now = store.now();
        flow.name = name;
        flow.desc = Json.text(body, "desc");
        flow.dirId = dirId;
        flow.type = json.path("type").asInt(1);
        flow.cycle = json.get("cycle").asText();
        flow.freq = json.get("cron").asText();
        flow.parameters = BatchParams.textOr(json, "parameters", "[]");
        flow.alertMode = json.path("alertMode").asInt(0);
        flow.alertTo = BatchParams.textOr(json, "alertTo", "");
        flow.doAs = BatchParams.textOr(json, "submitter", "db_" + store.context.orgId());
        flow.owners = user.name();
        flow.visitors = BatchParams.textOr(json, "visitors", "");
        flow.startTime = BatchParams.textOr(json, "startTime", BatchParams.TIME.format(Instant.ofEpochMilli(now)).substring(0, 10));
        flow.creator = user.name();
        flow.updateUser = user.name();
        flow.createTime = now;
        flow.updateTime = now;
        flow.entry = 1;
        Map<String, String> nodeByName = new LinkedHashMap<>();
        for (JsonNode task : tasks) {
            String taskId = store.nextTask();
            flow.task(taskId, task.path("name").asText("task" + taskId));
            nodeByName.put(task.path("name").asText(), "t_" + taskId);
        }
        for (JsonNode r : json.path("relations")) {
            String source = nodeByName.get(r.path("sourceTaskName").asText());
            String target = nodeByName.get(r.path("targetTaskName").asText());
            if (source != null && target != null) {
                flow.relation(source, target);
            }
        }
        return Json.object().put("flowId", flow.id);
    }

    // POST flows?action=enable|disable {flowId}
    Object setActive(SimRequest request, int active) {
        Users.User user = access.writer(request);
        access.owned(user, request.param("flowId")).active = active;
        return "";
    }

    // POST flows?action=trigger|triggerFromTask|updateAndTrigger {flowId, triggerTime[, taskId][, parameters]}
    Object trigger(SimRequest request, boolean withParameters, boolean fromTask) {
        Users.User user = access.writer(request);
        JsonNode body = request.jsonObject();
        Flow flow = access.owned(user, Json.text(body, "flowId"));
        String time = Json.text(body, "triggerTime");
        if (time == null || !time.matches("-?\\d{1,15}")) {
            throw ApiError.of(62102, "param: triggerTime cannot be empty");
        }
        String parameters = flow.parameters;
        if (withParameters) {
            JsonNode given = body.get("parameters");
            if (given == null || given.isNull()) {
                throw ApiError.of(62102, "param: parameters cannot be empty");
            }
            parameters = given.isTextual() ? given.asText() : given.toString();
        }
        ArrayNode tasks = flow.tasks.deepCopy();
        if (fromTask) {
            String taskId = Json.text(body, "taskId");
            int at = -1;
            for (int i = 0; i < tasks.size(); i++) {
                if (tasks.get(i).path("taskId").asText().equals(taskId)) {
                    at = i;
                }
            }
            if (at < 0) {
                throw ApiError.of(62102, "param: taskId " + taskId + " is not a task of the workflow");
            }
            for (int i = 0; i < at; i++) {
                tasks.remove(0);
            }
        }
        if (tasks.isEmpty()) {
            throw ApiError.of(62104, "This workflow has no task. You cannot trigger it.");
        }
        FlowInstance instance = store.start(flow, parameters, tasks, Long.parseLong(time));
        return Json.object().put("flowInstanceId", instance.id);
    }
}
