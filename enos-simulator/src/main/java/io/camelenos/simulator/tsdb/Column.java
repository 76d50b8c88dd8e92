package io.camelenos.simulator.tsdb;

import io.camelenos.simulator.data.PointDef;

/**
 * One column of a TSDB answer: a point, with the aggregation function that produced it (null for raw values).
 * {@code label} is its key in the items: the point id, or literally {@code "avg(pointId)"}.
 */
record Column(String label, PointDef point, String function) {

    static Column raw(PointDef point) {
        return new Column(point.id(), point, null);
    }

    /** Whether values are written as integers (DI states, counts). */
    boolean integral() {
        return function == null ? "INT".equals(point.dataType()) || "DI".equals(point.signalType())
                : function.equals("count") || ("INT".equals(point.dataType()) && !function.equals("avg"));
    }
}
