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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The run endpoints: flow instances (get, search, cancel) and their tasks (get, log). */
final class RunHandlers {

    private static final Set<String> INSTANCE_SORTERS = Set.of("createTime", "updateTime", "startTime", "triggerTime",
            "endTime");

    private final BatchStore store;
    private final BatchAccess access;
    private final BatchViews views;

    RunHandlers(BatchStore store, BatchAccess access, BatchViews views) {
        this.store = store;
        this.access = access;
        this.views = views;
    }

    // GET flowInstances?action=get&flowInstId=
    Object getInstance(SimRequest request) {
        Users.User user = access.user(request);
        return views.instanceJson(store.instance(request.param("flowInstId")), user);
    }

    // POST flowInstances?action=search {type, owner, fromTriggerTime, toTriggerTime, status, expression, pagination}
    Object searchInstances(SimRequest request) {
        Users.User user = access.user(request);
        JsonNode body = request.jsonObject();
        for (String field : List.of("type", "fromTriggerTime", "toTriggerTime")) {
            if (Json.text(body, field) == null) {
                throw ApiError.of(62102, "param: " + field + " cannot be empty");
            }
        }
        int type = BatchParams.intParam(body, "type");
        long from = BatchParams.longParam(body, "fromTriggerTime");
        long to = BatchParams.longParam(body, "toTriggerTime");
        String owner = Json.text(body, "owner");
        String status = Json.text(body, "status");
        String expression = Json.text(body, "expression");
        long now = store.now();
        List<FlowInstance> found = new ArrayList<>(store.instances.values().stream()
                .filter(i -> i.flow.type == type && i.triggerTime >= from && i.triggerTime <= to)
                .filter(i -> owner == null || owner.isBlank() || (";" + i.owner + ";").contains(";" + owner + ";"))
                .filter(i -> status == null || status.isBlank() || Integer.toString(i.status(now)).equals(status)
                        || FlowInstance.describe(i.status(now)).equalsIgnoreCase(status))
                .filter(i -> expression == null || expression.isBlank() || i.flowName.contains(expression.trim()))
                .toList());
        found.sort(Comparator.comparingLong((FlowInstance i) -> i.triggerTime).reversed());
        int[] page = BatchParams.page(body, INSTANCE_SORTERS, found, Map.of("createTime", i -> i.createTime,
                "updateTime", i -> i.createTime, "startTime", i -> i.startTime, "triggerTime", i -> i.triggerTime,
                "endTime", i -> i.endTime()));
        ObjectNode data = Json.object();
        ArrayNode list = data.putArray("flowInsts");
        BatchParams.slice(found, page).forEach(i -> list.add(views.instanceJson(i, user)));
        data.put("count", found.size());
        return data;
    }

    // POST flowInstances?action=cancel {flowInstId}
    Object cancel(SimRequest request) {
        Users.User user = access.writer(request);
        FlowInstance instance = store.instance(request.param("flowInstId"));
        if (!instance.flow.ownedBy(user.name())) {
            throw ApiError.of(62103, "User has no privilege.");
        }
        long now = store.now();
        int status = instance.status(now);
        if (status == FlowInstance.SUCCESS || status == FlowInstance.CANCEL) {
            throw ApiError.of(62102, "Instance has already finished: " + FlowInstance.describe(status));
        }
        instance.cancelTime = now;
        return "";
    }

    // GET taskInstances?action=getLog&taskInstId=&maxLength=
    Object taskLog(SimRequest request) {
        access.user(request);
        BatchStore.TaskRef ref = store.task(request.param("taskInstId"));
        long now = store.now();
        int status = ref.instance().taskStatus(ref.index(), now);
        if (status == FlowInstance.INIT || (status == FlowInstance.CANCEL && now < ref.instance().taskStart(ref.index()))) {
            throw ApiError.of(62109, "No log found");
        }
        JsonNode task = ref.instance().tasks.get(ref.index());
        String log = "=========================================================================\n"
                + "run num:\t1\ninstance:\t" + ref.id() + "\ncmdline:\techo \"" + task.path("taskName").asText() + "\"\n"
                + "submitter:\t" + ref.instance().flow.doAs + "\ncurrent time:\t"
                + BatchParams.TIME.format(Instant.ofEpochMilli(ref.instance().taskStart(ref.index()))) + "\n"
                + "=======================================\n" + task.path("taskName").asText() + "\n"
                + "state:\t" + FlowInstance.describe(status) + "\n";
        String max = request.query("maxLength");
        if (max != null && max.matches("\\d{1,9}") && Integer.parseInt(max) < log.length()) {
            log = log.substring(0, Integer.parseInt(max));
        }
        return Json.object().put("log", log);
    }

    // GET taskInstances?action=get&taskInstId=
    Object taskInstance(SimRequest request) {
        access.user(request);
        BatchStore.TaskRef ref = store.task(request.param("taskInstId"));
        long now = store.now();
        JsonNode task = ref.instance().tasks.get(ref.index());
        int status = ref.instance().taskStatus(ref.index(), now);
        ObjectNode node = Json.object().put("taskInstId", ref.id()).put("taskId", task.path("taskId").asText())
                .put("taskName", task.path("taskName").asText()).put("flowInstId", ref.instance().id)
                .put("status", FlowInstance.describe(status));
        long start = ref.instance().taskStart(ref.index());
        node.put("startTime", status == FlowInstance.INIT ? "" : BatchParams.TIME.format(Instant.ofEpochMilli(start)));
        node.put("endTime", status == FlowInstance.SUCCESS ? BatchParams.TIME.format(Instant.ofEpochMilli(start + FlowInstance.TASK_MILLIS)) : "");
        return node;
    }
}
