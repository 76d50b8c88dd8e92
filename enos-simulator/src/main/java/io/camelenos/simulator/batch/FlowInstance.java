package io.camelenos.simulator.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * One run of a workflow. It has no thread behind it: its state is a function of the emulator clock. The run starts
 * at its start time (the trigger time, or later when an earlier run of the same flow is still going) and runs its
 * tasks one after the other, {@link #TASK_MILLIS} each; a cancel stops it where it is.
 */
final class FlowInstance {

    static final long TASK_MILLIS = 5_000;

    static final int INIT = 0;
    static final int SUCCESS = 1;
    static final int RUNNING = 2;
    static final int FAILED = 3;
    static final int CANCEL = 4;

    final String id;
    final String suffix;
    final Flow flow;
    final String flowName;
    final String freq;
    final String cycle;
    final String parameters;
    final String owner;
    final ArrayNode tasks;
    final long triggerTime;
    final long createTime;
    final long startTime;
    volatile Long cancelTime;

    FlowInstance(String id, String suffix, Flow flow, String parameters, ArrayNode tasks, long triggerTime,
                 long createTime, long startTime) {
        this.id = id;
        this.suffix = suffix;
        this.flow = flow;
        this.flowName = flow.name;
        this.freq = flow.freq;
        this.cycle = flow.cycle;
        this.parameters = parameters;
        this.owner = flow.owners;
        this.tasks = tasks;
        this.triggerTime = triggerTime;
        this.createTime = createTime;
        this.startTime = startTime;
    }

    long endTime() {
        return startTime + TASK_MILLIS * tasks.size();
    }

    int status(long now) {
        if (cancelTime != null && cancelTime < endTime()) {
            return CANCEL;
        }
        if (now < startTime) {
            return INIT;
        }
        return now < endTime() ? RUNNING : SUCCESS;
    }

    /** When the run stopped (finished or cancelled), or null while it goes on. */
    Long stoppedAt(long now) {
        int status = status(now);
        if (status == CANCEL) {
            return cancelTime;
        }
        return status == SUCCESS ? endTime() : null;
    }

    long taskStart(int index) {
        return startTime + TASK_MILLIS * index;
    }

    int taskStatus(int index, long now) {
        long start = taskStart(index);
        long end = start + TASK_MILLIS;
        if (cancelTime != null && cancelTime < end) {
            return CANCEL;
        }
        if (now < start) {
            return INIT;
        }
        return now < end ? RUNNING : SUCCESS;
    }

    static String describe(int status) {
        return switch (status) {
            case INIT -> "INIT";
            case SUCCESS -> "SUCCESS";
            case RUNNING -> "RUNNING";
            case FAILED -> "FAILED";
            case CANCEL -> "CANCEL";
            default -> "NONE";
        };
    }
}
