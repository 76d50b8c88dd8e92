package io.camelenos.simulator.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.wire.ApiError;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The batch service's state, shared by the v2.0 and v2.1 paths: workflows, their runs, workflow directories and
 * the id counters, seeded with three flows in two directories. Not thread-safe: the service holds its lock around
 * every handler.
 */
final class BatchStore {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    record Directory(String key, String title, String parentId) {
    }

    /** A task of a run, named by its taskInstId ({@code <taskId>-<run suffix>}). */
    record TaskRef(String id, FlowInstance instance, int index) {
    }

    final SimContext context;
    final Map<Integer, Flow> flows = new TreeMap<>();
    final Map<String, FlowInstance> instances = new LinkedHashMap<>();
    final Map<String, Directory> directories = new LinkedHashMap<>();
    private int nextFlowId = 1001;
    private int nextTaskId = 20001;
    private int nextDirId = 1;

    BatchStore(SimContext context) {
        this.context = context;
        seed();
    }

    long now() {
        return context.clock().nowMillis();
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

    String nextTask() {
        return Integer.toString(nextTaskId++);
    }

    /** An imported flow: under the id asked for when it is free (import keeps ids across tenants), else the next. */
    Flow importedFlow(String wanted) {
        Flow flow;
        if (wanted != null && wanted.matches("\\d{1,9}") && !flows.containsKey(Integer.parseInt(wanted))) {
            flow = new Flow(Integer.parseInt(wanted));
            nextFlowId = Math.max(nextFlowId, flow.id + 1);
        } else {
            flow = new Flow(nextFlowId++);
        }
        flows.put(flow.id, flow);
        return flow;
    }

    String newDirectory(String name, String parent) {
        String key = String.format("%032x", Integer.toUnsignedLong(context.orgId().hashCode()) * 1_000_003L + nextDirId++);
        directories.put(key, new Directory(key, name, parent));
        return key;
    }

    /** A new run: after its trigger time, and after the flow's previous run ends (one run of a flow at a time). */
    FlowInstance start(Flow flow, String parameters, ArrayNode tasks, long triggerTime) {
        long now = now();
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

    Flow flow(String flowId) {
        if (flowId == null || flowId.isBlank()) {
            throw ApiError.of(62102, "param: flowId cannot be empty");
        }
        Flow flow = flows.get(BatchParams.parseId(flowId, "flowId"));
        if (flow == null) {
            throw ApiError.of(62102, "Flow " + flowId + " not found");
        }
        return flow;
    }

    FlowInstance instance(String id) {
        FlowInstance instance = id == null ? null : instances.get(id);
        if (instance == null) {
            throw ApiError.of(62102, "Instance not found");
        }
        return instance;
    }

    TaskRef task(String taskInstId) {
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
}
