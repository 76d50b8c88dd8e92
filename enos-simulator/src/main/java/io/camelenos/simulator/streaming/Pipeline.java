package io.camelenos.simulator.streaming;

import java.util.LinkedHashMap;
import java.util.Map;

/** A stream processing job: its stages (instance name → stage type), run state and release version. */
final class Pipeline {

    enum Status { RUNNING, PAUSED, STOPPED }

    /** Stage types that keep per-asset, per-point state (the others cannot answer stage state: 61107). */
    static final java.util.Set<String> STATEFUL = java.util.Set.of("TumblingWindow", "LatestValue");

    final String id;
    String name;
    Status status;
    int version = 1;
    boolean released = true;
    int templateType = 0;
    String templateName = "";
    int messageChannel = 0;
    String pipelineJson = "{}";
    final long createdMillis;
    /** Kafka offset of the input topic at the last offset reset. */
    long offsetResetMillis;
    final Map<String, String> stages = new LinkedHashMap<>();

    Pipeline(String id, String name, Status status, long createdMillis) {
        this.id = id;
        this.name = name;
        this.status = status;
        this.createdMillis = createdMillis;
        this.offsetResetMillis = createdMillis;
    }

    Pipeline stage(String instanceName, String type) {
        stages.put(instanceName, type);
        return this;
    }
}
