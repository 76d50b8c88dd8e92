package io.camelenos.simulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.SimService;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.http.Router;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.iam.Users;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Envelope;
import io.camelenos.simulator.wire.Json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Batch processing service, served as both dataflow-batch-service v2.0 and batch-processing-service v2.1 over one
 * store: workflows, their runs (whose state follows the emulator clock), task logs, workflow directories and the
 * server time. Status envelope {@code {status, msg, data}}; errors 62101 (unknown userId), 62102 (bad parameter),
 * 62103 (not the owner), 62104 (no task to run / flow depended on), 62105 (account locked), 62109 (no log yet).
 */
public final class BatchService implements SimService {

    static final List<String> BASES = List.of("/dataflow-batch-service/v2.0", "/batch-processing-service/v2.1");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final Set<String> FLOW_SORTERS = Set.of("createTime", "updateTime", "startTime");
    private static final Set<String> INSTANCE_SORTERS = Set.of("createTime", "updateTime", "startTime", "triggerTime", "endTime");
    private static final Set<String> CYCLES = Set.of("M", "W", "D", "H", "mi");

    private SimContext context;
    private Users users;
    private final Map<Integer, Flow> flows = new TreeMap<>();
    private final Map<String, FlowInstance> instances = new LinkedHashMap<>();
    private final Map<String, Directory> directories = new LinkedHashMap<>();
    private int nextFlowId = 1001;
    private int nextTaskId = 20001;
    private int nextDirId = 1;

    private record Directory(String key, String title, String parentId) {
    }

    @Override
    public void register(Router router, SimContext context) {
        this.context = context;
        this.users = context.shared(Users.class, Users::new);
        seed();
        for (String base : BASES) {
            router.path(base + "/flows", Envelope.STATUS)
                    .action("get", "GET", r -> read(r, (u, f) -> flowJson(f, u)))
                    .action("getMyFlow", "GET", this::myFlows)
                    .action("loadForEdit", "GET", r -> read(r, (u, f) -> flowJson(f, u)))
                    .action("export", "GET", r -> read(r, (u, f) -> export(f)))
                    .action("delete", "GET", this::delete)
                    .action("search", "POST", this::searchFlows)
                    .action("save", "POST", this::save)
                    .action("import", "POST", this::importFlow)
                    .action("enable", "POST", r -> setActive(r, 1))
                    .action("disable", "POST", r -> setActive(r, 0))
                    .action("trigger", "POST", r -> trigger(r, false, false))
                    .action("triggerFromTask", "POST", r -> trigger(r, false, true))
                    .action("updateAndTrigger", "POST", r -> trigger(r, true, false));
            router.path(base + "/flowInstances", Envelope.STATUS)
                    .action("get", "GET", this::getInstance)
                    .action("search", "POST", this::searchInstances)
                    .action("cancel", "POST", this::cancel);
            router.path(base + "/taskInstances", Envelope.STATUS)
                    .action("getLog", "GET", this::taskLog)
                    .action("get", "GET", this::taskInstance);
            router.path(base + "/directories", Envelope.STATUS)
                    .action("create", "POST", this::createDirectory)
                    .action("listWorkFlowDirs", "GET", this::listDirectories);
            router.path(base + "/time", Envelope.STATUS).orgRequired(false)
                    .action("getCurrentTime", "GET", r -> context.clock().nowMillis())
                    .action("getTimeZone", "GET", r -> Json.object().put("timezone", "GMT+0"));
        }
    }

    private void seed() {
        long created = DataSet.EPOCH_MILLIS;
        directories.put("wf-root", new Directory("wf-root", "Workflow", null));
        directories.put("wf-energy", new Directory("wf-energy", "energy", "wf-root"));
        Flow daily = newFlow("daily_energy_rollup", 1, "D", "0 0 0 * * ? *", 1, created, "wf-energy");
        daily.task(nextTask(), "load_energy").task(nextTask(), "rollup_sites");
        daily.relation(daily.tasks.get(0).get("nodeId").asText(), daily.tasks.get(1).get("nodeId").asText());
        Flow hourly = newFlow("hourly_alarm_stats", 1, "H", "0 0 * * * ? *", 0, created, "wf-energy");
        hourly.task(nextTask(), "count_alarms").dependsOn(daily);
        hourly.relation("f_" + daily.id, hourly.tasks.get(0).get("nodeId").asText());
        newFlow("empty_flow", 0, "D", "0 0 0 * * ? *", 0, created, "wf-root");
    }

    private Flow newFlow(String name, int type, String cycle, String freq, int active, long created, String dirId) {
        Flow f = new Flow(nextFlowId++);
        f.name = name;
        f.type = type;
        f.cycle = cycle;
        f.freq = freq;
        f.active = active;
        f.alertMode = 1;
        f.doAs = "db_" + context.orgId();
        f.owners = "admin";
        f.visitors = "operator";
        f.startTime = "2024-01-01";
        f.creator = "admin";
        f.updateUser = "admin";
        f.createTime = created;
        f.updateTime = created;
        f.dirId = dirId;
        flows.put(f.id, f);
        return f;
    }

    private String nextTask() {
        return Integer.toString(nextTaskId++);
    }

    // ---- flows ----------------------------------------------------------------------------------------------

    private interface FlowView {
        Object apply(Users.User user, Flow flow);
    }

    // GET flows?action=get|loadForEdit|export&flowId=&userId=
    private synchronized Object read(SimRequest request, FlowView view) {
        Users.User user = user(request);
        return view.apply(user, flow(request.param("flowId")));
    }

    // GET flows?action=getMyFlow&searchValue= (v2.0 doc) or &expression= (v2.1 doc)
    private synchronized Object myFlows(SimRequest request) {
        Users.User user = user(request);
        String search = request.query("searchValue") != null ? request.query("searchValue")
                : request.query("expression");
        ArrayNode list = Json.array();
        flows.values().stream().filter(f -> f.ownedBy(user.name()))
                .filter(f -> search == null || search.isEmpty() || f.name.contains(search))
                .forEach(f -> list.addObject().put("flowId", Integer.toString(f.id)).put("editable", true)
                        .put("flowName", f.name).put("cycle", f.cycle));
        return list;
    }

    // GET flows?action=delete&flowId=
    private synchronized Object delete(SimRequest request) {
        Users.User user = user(request);
        Flow flow = owned(user, request.param("flowId"));
        boolean dependedOn = flows.values().stream().anyMatch(f -> f != flow && f.flows.findValuesAsText("flowId")
                .contains(Integer.toString(flow.id)));
        if (dependedOn) {
            throw ApiError.of(62104, "This workflow is relied on by other workflows. You cannot delete this workflow.");
        }
        flows.remove(flow.id);
        return "";
    }

    // POST flows?action=search {expression, pagination}
    private synchronized Object searchFlows(SimRequest request) {
        user(request);
        JsonNode body = request.jsonObject();
        String expression = Json.text(body, "expression");
        List<Flow> found = new ArrayList<>(flows.values().stream()
                .filter(f -> expression == null || expression.isBlank() || f.name.contains(expression.trim())).toList());
        int[] page = page(body, FLOW_SORTERS, found, Map.of("createTime", f -> f.createTime,
                "updateTime", f -> f.updateTime, "startTime", f -> f.startTime));
        ArrayNode list = Json.array();
        slice(found, page).forEach(f -> list.addObject().put("flowId", Integer.toString(f.id)).put("flowName", f.name));
        return list;
    }

    // POST flows?action=save {id, type, name, freq, cycle, alertMode, doAs, owners, visitors, startTime, active, ...}
    private synchronized Object save(SimRequest request) {
        Users.User user = writer(request);
        JsonNode body = request.jsonObject();
        String id = Json.text(body, "id");
        Flow flow = id == null ? null : flows.get(parseId(id, "id"));
        if (flow == null) {
            throw ApiError.of(62102, "graph not found");
        }
        owned(user, flow);
        for (String field : List.of("type", "name", "freq", "cycle", "alertMode", "doAs", "owners", "visitors",
                "startTime", "active")) {
            if (Json.text(body, field) == null) {
                throw ApiError.of(62102, "param: " + field + " cannot be empty");
            }
        }
        checkSchedule(Json.text(body, "cycle"), Json.text(body, "freq"));
        flow.type = intParam(body, "type");
        flow.name = Json.text(body, "name");
        flow.freq = Json.text(body, "freq");
        flow.cycle = Json.text(body, "cycle");
        flow.alertMode = intParam(body, "alertMode");
        flow.doAs = Json.text(body, "doAs");
        flow.owners = Json.text(body, "owners");
        flow.visitors = Json.text(body, "visitors");
        flow.startTime = Json.text(body, "startTime");
        flow.active = intParam(body, "active");
        if (body.has("parameters")) {
            flow.parameters = Json.text(body, "parameters");
        }
        flow.desc = textOr(body, "desc", flow.desc);
        flow.queue = textOr(body, "queue", flow.queue);
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
        flow.updateTime = context.clock().nowMillis();
        return Json.object().put("flowId", flow.id);
    }

    // POST flows?action=import {flowId?, flowName, desc, dirId, flowJson}
    private synchronized Object importFlow(SimRequest request) {
        Users.User user = writer(request);
        JsonNode body = request.jsonObject();
        String name = Json.text(body, "flowName");
        if (name == null || name.isBlank()) {
            throw ApiError.of(62102, "Invalid parameter: flowName");
        }
        String dirId = Json.text(body, "dirId");
        if (dirId == null || Json.text(body, "desc") == null || !(body.get("flowJson") instanceof ObjectNode json)) {
            throw ApiError.of(62102, "Incorrect parameter");
        }
        if (!directories.containsKey(dirId)) {
            throw ApiError.of(62102, "Directory does not exist");
        }
        JsonNode tasks = json.get("tasks");
        if (tasks == null || !tasks.isArray() || json.get("cycle") == null || json.get("cron") == null) {
            throw ApiError.of(62102, "Workflow validation failed");
        }
        checkSchedule(json.get("cycle").asText(), json.get("cron").asText());
        String wanted = Json.text(body, "flowId");
        Flow flow;
        if (wanted != null && wanted.matches("\\d{1,9}") && !flows.containsKey(Integer.parseInt(wanted))) {
            flow = new Flow(Integer.parseInt(wanted));
            nextFlowId = Math.max(nextFlowId, flow.id + 1);
            flows.put(flow.id, flow);
        } else {
            flow = new Flow(nextFlowId++);
            flows.put(flow.id, flow);
        }
        long now = context.clock().nowMillis();
        flow.name = name;
        flow.desc = Json.text(body, "desc");
        flow.dirId = dirId;
        flow.type = json.path("type").asInt(1);
        flow.cycle = json.get("cycle").asText();
        flow.freq = json.get("cron").asText();
        flow.parameters = textOr(json, "parameters", "[]");
        flow.alertMode = json.path("alertMode").asInt(0);
        flow.alertTo = textOr(json, "alertTo", "");
        flow.doAs = textOr(json, "submitter", "db_" + context.orgId());
        flow.owners = user.name();
        flow.visitors = textOr(json, "visitors", "");
        flow.startTime = textOr(json, "startTime", TIME.format(Instant.ofEpochMilli(now)).substring(0, 10));
        flow.creator = user.name();
        flow.updateUser = user.name();
        flow.createTime = now;
        flow.updateTime = now;
        flow.entry = 1;
        Map<String, String> nodeByName = new LinkedHashMap<>();
        for (JsonNode task : tasks) {
            String taskId = nextTask();
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
    private synchronized Object setActive(SimRequest request, int active) {
        Users.User user = writer(request);
        owned(user, request.param("flowId")).active = active;
        return "";
    }

    // POST flows?action=trigger|triggerFromTask|updateAndTrigger {flowId, triggerTime[, taskId][, parameters]}
    private synchronized Object trigger(SimRequest request, boolean withParameters, boolean fromTask) {
        Users.User user = writer(request);
        JsonNode body = request.jsonObject();
        Flow flow = owned(user, Json.text(body, "flowId"));
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
        FlowInstance instance = start(flow, parameters, tasks, Long.parseLong(time));
        return Json.object().put("flowInstanceId", instance.id);
    }

    /** A new run: after its trigger time, and after the flow's previous run ends (one run of a flow at a time). */
    private FlowInstance start(Flow flow, String parameters, ArrayNode tasks, long triggerTime) {
        long now = context.clock().nowMillis();
        long start = Math.max(now, triggerTime);
        for (FlowInstance previous : instances.values()) {
            if (previous.flow == flow) {
                Long stopped = previous.cancelTime != null ? previous.cancelTime : previous.endTime();
                start = Math.max(start, Math.min(stopped, previous.endTime()));
            }
        }
        long idTime = triggerTime;
        String suffix = ID_TIME.format(Instant.ofEpochMilli(idTime));
        while (instances.containsKey(flow.id + "-" + suffix)) {
            idTime += 1000;
            suffix = ID_TIME.format(Instant.ofEpochMilli(idTime));
        }
        FlowInstance instance = new FlowInstance(flow.id + "-" + suffix, suffix, flow, parameters, tasks, triggerTime,
                now, start);
        instances.put(instance.id, instance);
        return instance;
    }

    // ---- instances ------------------------------------------------------------------------------------------

    // GET flowInstances?action=get&flowInstId=
    private synchronized Object getInstance(SimRequest request) {
        Users.User user = user(request);
        return instanceJson(instance(request.param("flowInstId")), user);
    }

    // POST flowInstances?action=search {type, owner, fromTriggerTime, toTriggerTime, status, expression, pagination}
    private synchronized Object searchInstances(SimRequest request) {
        Users.User user = user(request);
        JsonNode body = request.jsonObject();
        for (String field : List.of("type", "fromTriggerTime", "toTriggerTime")) {
            if (Json.text(body, field) == null) {
                throw ApiError.of(62102, "param: " + field + " cannot be empty");
            }
        }
        int type = intParam(body, "type");
        long from = longParam(body, "fromTriggerTime");
        long to = longParam(body, "toTriggerTime");
        String owner = Json.text(body, "owner");
        String status = Json.text(body, "status");
        String expression = Json.text(body, "expression");
        long now = context.clock().nowMillis();
        List<FlowInstance> found = new ArrayList<>(instances.values().stream()
                .filter(i -> i.flow.type == type && i.triggerTime >= from && i.triggerTime <= to)
                .filter(i -> owner == null || owner.isBlank() || (";" + i.owner + ";").contains(";" + owner + ";"))
                .filter(i -> status == null || status.isBlank() || Integer.toString(i.status(now)).equals(status)
                        || FlowInstance.describe(i.status(now)).equalsIgnoreCase(status))
                .filter(i -> expression == null || expression.isBlank() || i.flowName.contains(expression.trim()))
                .toList());
        found.sort(Comparator.comparingLong((FlowInstance i) -> i.triggerTime).reversed());
        int[] page = page(body, INSTANCE_SORTERS, found, Map.of("createTime", i -> i.createTime,
                "updateTime", i -> i.createTime, "startTime", i -> i.startTime, "triggerTime", i -> i.triggerTime,
                "endTime", i -> i.endTime()));
        ObjectNode data = Json.object();
        ArrayNode list = data.putArray("flowInsts");
        slice(found, page).forEach(i -> list.add(instanceJson(i, user)));
        data.put("count", found.size());
        return data;
    }

    // POST flowInstances?action=cancel {flowInstId}
    private synchronized Object cancel(SimRequest request) {
        Users.User user = writer(request);
        FlowInstance instance = instance(request.param("flowInstId"));
        if (!instance.flow.ownedBy(user.name())) {
            throw ApiError.of(62103, "User has no privilege.");
        }
        long now = context.clock().nowMillis();
        int status = instance.status(now);
        if (status == FlowInstance.SUCCESS || status == FlowInstance.CANCEL) {
            throw ApiError.of(62102, "Instance has already finished: " + FlowInstance.describe(status));
        }
        instance.cancelTime = now;
        return "";
    }

    // GET taskInstances?action=getLog&taskInstId=&maxLength=
    private synchronized Object taskLog(SimRequest request) {
        user(request);
        TaskRef ref = task(request.param("taskInstId"));
        long now = context.clock().nowMillis();
        int status = ref.instance.taskStatus(ref.index, now);
        if (status == FlowInstance.INIT || (status == FlowInstance.CANCEL && now < ref.instance.taskStart(ref.index))) {
            throw ApiError.of(62109, "No log found");
        }
        JsonNode task = ref.instance.tasks.get(ref.index);
        String log = "=========================================================================\n"
                + "run num:\t1\ninstance:\t" + ref.id + "\ncmdline:\techo \"" + task.path("taskName").asText() + "\"\n"
                + "submitter:\t" + ref.instance.flow.doAs + "\ncurrent time:\t"
                + TIME.format(Instant.ofEpochMilli(ref.instance.taskStart(ref.index))) + "\n"
                + "=======================================\n" + task.path("taskName").asText() + "\n"
                + "state:\t" + FlowInstance.describe(status) + "\n";
        String max = request.query("maxLength");
        if (max != null && max.matches("\\d{1,9}") && Integer.parseInt(max) < log.length()) {
            log = log.substring(0, Integer.parseInt(max));
        }
        return Json.object().put("log", log);
    }

    // GET taskInstances?action=get&taskInstId=
    private synchronized Object taskInstance(SimRequest request) {
        user(request);
        TaskRef ref = task(request.param("taskInstId"));
        long now = context.clock().nowMillis();
        JsonNode task = ref.instance.tasks.get(ref.index);
        int status = ref.instance.taskStatus(ref.index, now);
        ObjectNode node = Json.object().put("taskInstId", ref.id).put("taskId", task.path("taskId").asText())
                .put("taskName", task.path("taskName").asText()).put("flowInstId", ref.instance.id)
                .put("status", FlowInstance.describe(status));
        long start = ref.instance.taskStart(ref.index);
        node.put("startTime", status == FlowInstance.INIT ? "" : TIME.format(Instant.ofEpochMilli(start)));
        node.put("endTime", status == FlowInstance.SUCCESS ? TIME.format(Instant.ofEpochMilli(start + FlowInstance.TASK_MILLIS)) : "");
        return node;
    }

    private record TaskRef(String id, FlowInstance instance, int index) {
    }

    private TaskRef task(String taskInstId) {
        if (taskInstId == null || taskInstId.isBlank() || !taskInstId.contains("-")) {
            throw ApiError.of(62102, "Instance not found");
        }
        String taskId = taskInstId.substring(0, taskInstId.indexOf('-'));
        String suffix = taskInstId.substring(taskInstId.indexOf('-') + 1);
        for (FlowInstance instance : instances.values()) {
            if (instance.suffix.equals(suffix)) {
                for (int i = 0; i < instance.tasks.size(); i++) {
                    if (instance.tasks.get(i).path("taskId").asText().equals(taskId)) {
                        return new TaskRef(taskInstId, instance, i);
                    }
                }
            }
        }
        throw ApiError.of(62102, "Instance not found");
    }

    // ---- directories -----------------------------------------------------------------------------------------

    // POST directories?action=create {parentId, dirName}
    private synchronized Object createDirectory(SimRequest request) {
        user(request);
        JsonNode body = request.jsonObject();
        String name = Json.text(body, "dirName");
        String parent = Json.text(body, "parentId");
        if (name == null || name.isBlank()) {
            throw ApiError.of(62102, "param: dirName cannot be empty");
        }
        if (parent == null || parent.isBlank()) {
            throw ApiError.of(62102, "param: parentId cannot be empty");
        }
        if (!directories.containsKey(parent)) {
            throw ApiError.of(62102, "parentId not found");
        }
        if (directories.values().stream().anyMatch(d -> parent.equals(d.parentId()) && d.title().equals(name))) {
            throw ApiError.of(62102, "A directory of the same name already exists");
        }
        String key = String.format("%032x", Integer.toUnsignedLong(context.orgId().hashCode()) * 1_000_003L + nextDirId++);
        directories.put(key, new Directory(key, name, parent));
        return Json.object().put("dirId", key);
    }

    // GET directories?action=listWorkFlowDirs
    private synchronized Object listDirectories(SimRequest request) {
        user(request);
        ArrayNode list = Json.array();
        list.add(directoryJson(directories.get("wf-root")));
        return list;
    }

    private ObjectNode directoryJson(Directory dir) {
        ObjectNode node = Json.object();
        ArrayNode children = node.putArray("children");
        directories.values().stream().filter(d -> dir.key().equals(d.parentId()))
                .forEach(d -> children.add(directoryJson(d)));
        flows.values().stream().filter(f -> dir.key().equals(f.dirId))
                .forEach(f -> children.addObject().put("editable", true).put("title", f.name).put("type", 1)
                        .put("key", f.id).put("isDirectory", false));
        return node.put("title", dir.title()).put("type", 1).put("key", dir.key()).put("isDirectory", true);
    }

    // ---- views -----------------------------------------------------------------------------------------------

    private ObjectNode flowJson(Flow f, Users.User user) {
        boolean owner = f.ownedBy(user.name());
        return Json.object().put("virtual", false).put("freq", f.freq).put("type", f.type).put("cycle", f.cycle)
                .put("alertMode", f.alertMode).put("appId", "").put("hasEditPri", owner).put("startTime", f.startTime)
                .put("locked", false).put("flowId", f.id).put("owner", f.owners).put("creator", f.creator)
                .put("active", f.active).put("updateUser", f.updateUser).put("updateTime", time(f.updateTime) + ".0")
                .put("flowName", f.name).put("graph", f.graph()).put("isUserLocked", false).put("entry", f.entry)
                .put("doAs", f.doAs).put("createTime", time(f.createTime) + ".0").put("alertTo", f.alertTo)
                .put("visitor", f.visitors).put("syncType", 1).put("parameters", f.parameters).put("queue", f.queue)
                .put("hasReadPri", true).put("desc", f.desc);
    }

    private ObjectNode export(Flow f) {
        ObjectNode node = Json.object().put("name", f.name).put("cycle", f.cycle).put("cron", f.freq)
                .put("parameters", f.parameters).put("alertMode", f.alertMode).put("alertTo", f.alertTo)
                .put("appId", "").put("submitter", f.doAs).put("owners", f.owners).put("visitors", f.visitors)
                .put("type", f.type).put("syncType", 1).put("desc", f.desc).put("startTime", f.startTime);
        ArrayNode tasks = node.putArray("tasks");
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode t : f.tasks) {
            names.put(t.path("nodeId").asText(), t.path("taskName").asText());
            tasks.addObject().put("name", t.path("taskName").asText()).put("resource", "default").put("type", "COMMAND")
                    .put("runMode", "{\"taskMode\":1,\"cpu\":0.5,\"memory\":1,\"maxParallel\":0,\"keyType\":0,"
                            + "\"datasourceId\":0,\"path\":\"\",\"content\":\"\"}")
                    .put("syncType", 1).put("cmd", "echo '" + t.path("taskName").asText() + "'").put("submitter", "")
                    .put("filePackage", "").put("cron", "").put("priorityLevel", 0).put("timeout", 300)
                    .put("retryLimit", 3).put("retryInterval", 0).put("successCode", "0").put("waitCode", "")
                    .put("asLink", false);
        }
        node.putArray("flowLinks");
        node.putArray("taskLinks");
        ArrayNode relations = node.putArray("relations");
        for (JsonNode r : f.relations) {
            String source = names.get(r.path("source").asText());
            String target = names.get(r.path("target").asText());
            if (source != null && target != null) {
                relations.addObject().put("sourceTaskName", source).put("targetTaskName", target)
                        .put("rerun", r.path("rerun").asBoolean(true));
            }
        }
        node.putArray("linkRelations");
        return node;
    }

    private ObjectNode instanceJson(FlowInstance i, Users.User user) {
        long now = context.clock().nowMillis();
        int status = i.status(now);
        ObjectNode graph = Json.object().put("creator", i.flow.creator).put("freq", i.freq)
                .put("alertMode", i.flow.alertMode).put("owners", i.owner).put("cycle", i.cycle)
                .put("doAs", i.flow.doAs).put("alertTo", i.flow.alertTo).put("name", i.flowName).put("instId", i.id)
                .put("id", i.flow.id).put("parameters", i.parameters).put("appId", "");
        graph.set("flows", i.flow.flows.deepCopy());
        graph.set("relations", i.flow.relations.deepCopy());
        ArrayNode tasks = graph.putArray("tasks");
        for (int t = 0; t < i.tasks.size(); t++) {
            JsonNode task = i.tasks.get(t);
            tasks.addObject().put("taskName", task.path("taskName").asText())
                    .put("taskInstId", task.path("taskId").asText() + "-" + i.suffix)
                    .put("x", task.path("x").asDouble()).put("y", task.path("y").asDouble())
                    .put("taskId", task.path("taskId").asText()).put("nodeId", task.path("nodeId").asText())
                    .put("status", FlowInstance.describe(i.taskStatus(t, now)));
        }
        Long stopped = i.stoppedAt(now);
        return Json.object().put("instanceId", i.id).put("flowId", i.flow.id).put("flowName", i.flowName)
                .put("freq", i.freq).put("cycle", i.cycle).put("parameters", i.parameters).put("doAs", i.flow.doAs)
                .put("graph", graph.toString()).put("status", status).put("statusDesc", FlowInstance.describe(status))
                .put("triggerTime", time(i.triggerTime))
                .put("startTime", now >= i.startTime ? time(i.startTime) : "")
                .put("endTime", stopped == null ? "" : time(stopped))
                .put("timestamp", time(i.createTime) + ".0").put("virtual", false).put("owner", i.owner)
                .put("alertMode", i.flow.alertMode)
                .put("calDt", time(i.triggerTime - 86_400_000L).substring(0, 10))
                .put("hasEditPri", i.flow.ownedBy(user.name())).put("hasReadPri", true)
                .put("isCancelled", status == FlowInstance.CANCEL);
    }

    // ---- checks ----------------------------------------------------------------------------------------------

    /** The userId of the query: 62101 when missing or not a user of the org. */
    private Users.User user(SimRequest request) {
        String userId = request.query("userId");
        return users.byId(userId == null ? "" : userId)
                .orElseThrow(() -> ApiError.of(62101, "userId does not exist, or it does not match to orgId."));
    }

    /** A user who may change things: 62105 when the account is locked (disabled). */
    private Users.User writer(SimRequest request) {
        Users.User user = user(request);
        if (user.state() != 0) {
            throw ApiError.of(62105, "Your account has been locked");
        }
        return user;
    }

    private Flow flow(String flowId) {
        if (flowId == null || flowId.isBlank()) {
            throw ApiError.of(62102, "param: flowId cannot be empty");
        }
        Flow flow = flows.get(parseId(flowId, "flowId"));
        if (flow == null) {
            throw ApiError.of(62102, "Flow " + flowId + " not found");
        }
        return flow;
    }

    private Flow owned(Users.User user, String flowId) {
        return owned(user, flow(flowId));
    }

    private static Flow owned(Users.User user, Flow flow) {
        if (!flow.ownedBy(user.name())) {
            throw ApiError.of(62103, "User has no privilege.");
        }
        return flow;
    }

    private FlowInstance instance(String id) {
        FlowInstance instance = id == null ? null : instances.get(id);
        if (instance == null) {
            throw ApiError.of(62102, "Instance not found");
        }
        return instance;
    }

    private static int parseId(String value, String field) {
        if (!value.trim().matches("\\d{1,9}")) {
            throw ApiError.of(62102, "param: " + field + " must be an integer");
        }
        return Integer.parseInt(value.trim());
    }

    private static int intParam(JsonNode body, String field) {
        String v = Json.text(body, field);
        if (v == null || !v.trim().matches("-?\\d{1,9}")) {
            throw ApiError.of(62102, "param: " + field + " must be an integer");
        }
        return Integer.parseInt(v.trim());
    }

    private static long longParam(JsonNode body, String field) {
        String v = Json.text(body, field);
        if (v == null || !v.trim().matches("-?\\d{1,18}")) {
            throw ApiError.of(62102, "param: " + field + " must be epoch milliseconds");
        }
        return Long.parseLong(v.trim());
    }

    private static void checkSchedule(String cycle, String freq) {
        if (!CYCLES.contains(cycle)) {
            throw ApiError.of(62102, "param: cycle must be one of M, W, D, H, mi");
        }
        if (freq == null || freq.trim().split("\\s+").length != 7) {
            throw ApiError.of(62102, "param: freq must be a 7-field cron expression");
        }
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String v = Json.text(node, field);
        return v == null ? fallback : v;
    }

    /**
     * [pageNo, pageSize] of the body's pagination (pages from 0, 10 by default), after sorting the list by the
     * sorters (62102 for a field the API does not sort by).
     */
    private static <T> int[] page(JsonNode body, Set<String> sortable, List<T> list,
                                  Map<String, Function<T, Comparable>> keys) {
        JsonNode p = body.get("pagination");
        if (p == null || !p.isObject()) {
            return new int[] {0, 10};
        }
        int pageNo = p.has("pageNo") ? intParam(p, "pageNo") : 0;
        int pageSize = p.has("pageSize") ? intParam(p, "pageSize") : 10;
        if (pageNo < 0 || pageSize < 1) {
            throw ApiError.of(62102, "param: pagination pageNo must be 0 or more and pageSize more than 0");
        }
        List<JsonNode> sorters = new ArrayList<>();
        p.path("sorters").forEach(sorters::add);
        for (int s = sorters.size() - 1; s >= 0; s--) {
            String field = sorters.get(s).path("field").asText();
            if (!sortable.contains(field)) {
                throw ApiError.of(62102, "illegal sorted by field");
            }
            @SuppressWarnings("unchecked")
            Comparator<T> order = Comparator.comparing(t -> (Comparable<Object>) keys.get(field).apply(t));
            list.sort("DESC".equalsIgnoreCase(sorters.get(s).path("order").asText()) ? order.reversed() : order);
        }
        return new int[] {pageNo, pageSize};
    }

    private static <T> List<T> slice(List<T> list, int[] page) {
        long from = (long) page[0] * page[1];
        if (from >= list.size()) {
            return List.of();
        }
        return list.subList((int) from, (int) Math.min(list.size(), from + page[1]));
    }

    private static String time(long millis) {
        return TIME.format(Instant.ofEpochMilli(millis));
    }
}
