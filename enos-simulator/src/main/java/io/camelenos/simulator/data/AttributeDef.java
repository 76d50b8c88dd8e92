package io.camelenos.simulator.data;

/** An attribute of a thing model, as EnOS describes it (dataType is one of EnOS's attribute data types). */
public record AttributeDef(String id, String name, String dataType, boolean required, String unit) {
}
