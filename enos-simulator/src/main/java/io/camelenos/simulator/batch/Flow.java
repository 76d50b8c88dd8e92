package io.camelenos.simulator.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.wire.Json;

/** A workflow of the batch processing service: its schedule, owners and task graph (mutable; guarded by the store). */
final class Flow {

    final int id;
    String name;
    int type;
    String freq;
    String cycle;
    int alertMode;
    String alertTo = "";
    String doAs;
    String owners;
    String visitors;
    String startTime;
    int active;
    String parameters = "[]";
    String desc = "";
    String queue = "";
    String creator;
    String updateUser;
    long createTime;
    long updateTime;
    String dirId;
    int entry;
    ArrayNode tasks = Json.array();
    ArrayNode flows = Json.array();
    ArrayNode relations = Json.array();

    Flow(int id) {
        this.id = id;
    }

    boolean ownedBy(String userName) {
        return (";" + owners + ";").contains(";" + userName + ";");
    }

    /** Adds a task node: {taskName, taskId, nodeId, x, y}. */
    Flow task(String taskId, String taskName) {
        tasks.addObject().put("taskName", taskName).put("taskId", taskId).put("nodeId", "t_" + taskId)
                .put("x", 0.002 + 0.01 * tasks.size()).put("y", 0.002);
        return this;
    }

    Flow relation(String source, String target) {
        relations.addObject().put("cycleGap", "D0").put("rerun", true).put("source", source).put("target", target);
        return this;
    }

    Flow dependsOn(Flow upstream) {
        flows.addObject().put("flowId", Integer.toString(upstream.id)).put("flowName", upstream.name)
                .put("nodeId", "f_" + upstream.id).put("isVirtual", false).put("x", 0.0125).put("y", 0.0015);
        return this;
    }

    /** The graph as get_flow embeds it (a JSON text). */
    String graph() {
        ObjectNode g = Json.object().put("queue", queue).put("cycle", cycle).put("desc", desc).put("doAs", doAs)
                .put("freq", freq).put("visitors", visitors).put("type", type).put("creator", creator)
                .put("alertMode", alertMode).put("name", name).put("startTime", startTime).put("active", active)
                .put("parameters", parameters).put("owners", owners);
        g.set("tasks", tasks.deepCopy());
        g.set("flows", flows.deepCopy());
        g.set("relations", relations.deepCopy());
        return g.toString();
    }
}
