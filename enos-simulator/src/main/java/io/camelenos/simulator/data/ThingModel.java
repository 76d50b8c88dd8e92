package io.camelenos.simulator.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.wire.Json;

import java.util.List;

/**
 * A thing model of the emulated fleet. {@code kind} says what role assets of the model play in the data set
 * (a site at the root of a tree, or a device under it).
 */
public record ThingModel(String modelId, String name, String zhName, boolean site, List<AttributeDef> attributes,
                         List<PointDef> points, List<String> services, List<String> events) {

    public String modelIdPath() {
        return "/" + modelId;
    }

    public PointDef point(String pointId) {
        return points.stream().filter(p -> p.id().equals(pointId)).findFirst().orElse(null);
    }

    /** The model as EnOS's Search/Get Thing Model answer it. */
    public ObjectNode toJson(String orgId) {
        ObjectNode node = Json.object().put("modelId", modelId).put("modelIdPath", modelIdPath()).put("orgId", orgId);
        node.set("name", DataSet.i18n(name, zhName));
        node.set("desc", DataSet.i18n(name + " model", zhName + "模型"));
        node.set("tags", Json.object().put("domain", site ? "site" : "device"));
        ObjectNode attrs = node.putObject("attributes");
        for (AttributeDef a : attributes) {
            ObjectNode attr = attrs.putObject(a.id());
            attr.put("identifier", a.id()).put("dataType", a.dataType()).put("isRequired", a.required())
                    .put("isStdElement", false).putNull("defaultValue").put("dataDefinition", "{}");
            attr.set("name", DataSet.i18n(a.name(), a.name()));
            unit(attr, a.unit());
        }
        ObjectNode pts = node.putObject("measurepoints");
        for (PointDef p : points) {
            ObjectNode point = pts.putObject(p.id());
            point.put("identifier", p.id()).put("signalType", p.signalType()).put("hasQuality", p.hasQuality())
                    .put("dataType", p.dataType()).put("isStdElement", false)
                    .put("samplingIntervalSeconds", p.intervalSeconds());
            point.set("name", DataSet.i18n(p.name(), p.name()));
            unit(point, p.unit());
        }
        ObjectNode svcs = node.putObject("services");
        services.forEach(s -> svcs.putObject(s).put("identifier", s).put("callType", "ASYNC")
                .set("name", DataSet.i18n(s, s)));
        ObjectNode evts = node.putObject("events");
        events.forEach(e -> evts.putObject(e).put("identifier", e).put("eventType", "WARN")
                .set("name", DataSet.i18n(e, e)));
        return node;
    }

    private static void unit(ObjectNode node, String unit) {
        if (unit != null) {
            node.putObject("unit").put("unitId", unit).put("multiplier", "1");
        }
    }
}
