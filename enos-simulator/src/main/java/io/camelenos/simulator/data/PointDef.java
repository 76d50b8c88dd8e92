package io.camelenos.simulator.data;

/**
 * A measure point of a thing model. {@code intervalSeconds} is the sampling interval the time-series values are
 * computed at; {@code signalType} is EnOS's AI, DI or PI.
 */
public record PointDef(String id, String name, String signalType, String dataType, String unit,
                       int intervalSeconds, boolean hasQuality) {
}
