package io.camelenos.simulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.iam.Users;
import io.camelenos.simulator.wire.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/** The batch service's JSON: flows (as read and as exported), runs with their task graph, directory trees. */
final class BatchViews {

    private final BatchStore store;

    BatchViews(BatchStore store) {
        this.store = store;
    }

    ObjectNode directoryJson(BatchStore.Directory dir) {
        ObjectNode node = Json.object();
        ArrayNode children = node.putArray("children");
        store.directories.values().stream().filter(d -> dir.key().equals(d.parentId()))
                .forEach(d -> children.add(directoryJson(d)));
        store.flows.values().stream().filter(f -> dir.key().equals(f.dirId))
                .forEach(f -> children.addObject().put("editable", true).put("title", f.name).put("type", 1)
                        .put("key", f.id).put("isDirectory", false));
        return node.put("title", dir.title()).put("type", 1).put("key", dir.key()).put("isDirectory", true);
    }

    ObjectNode flowJson(Flow f, Users.User user) {
        boolean owner = f.ownedBy(user.name());
        return Json.object().put("virtual", false).put("freq", f.freq).put("type", f.type).put("cycle", f.cycle)
                .put("alertMode", f.alertMode).put("appId", "").put("hasEditPri", owner).put("startTime", f.startTime)
                .put("locked", false).put("flowId", f.id).put("owner", f.owners).put("creator", f.creator)
                .put("active", f.active).put("updateUser", f.updateUser).put("updateTime", BatchParams.time(f.updateTime) + ".0")
                .put("flowName", f.name).put("graph", f.graph()).put("isUserLocked", false).put("entry", f.entry)
                .put("doAs", f.doAs).put("createTime", BatchParams.time(f.createTime) + ".0").put("alertTo", f.alertTo)
                .put("visitor", f.visitors).put("syncType", 1).put("parameters", f.parameters).put("queue", f.queue)
                .put("hasReadPri", true).put("desc", f.desc);
    }

    ObjectNode export(Flow f) {
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

    ObjectNode instanceJson(FlowInstance i, Users.User user) {
        long now = store.now();
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
                .put("triggerTime", BatchParams.time(i.triggerTime))
                .put("startTime", now >= i.startTime ? BatchParams.time(i.startTime) : "")
                .put("endTime", stopped == null ? "" : BatchParams.time(stopped))
                .put("timestamp", BatchParams.time(i.createTime) + ".0").put("virtual", false).put("owner", i.owner)
                .put("alertMode", i.flow.alertMode)
                .put("calDt", BatchParams.time(i.triggerTime - 86_400_000L).substring(0, 10))
                .put("hasEditPri", i.flow.ownedBy(user.name())).put("hasReadPri", true)
                .put("isCancelled", status == FlowInstance.CANCEL);
    }
}
