package io.camelenos.simulator.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.wire.ApiError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gateways and their sub-devices. In the generated fleet each site's meter is a gateway (its product type is
 * Gateway) and the site's turbines or inverters are its sub-devices; adds and removes are kept as an overlay.
 */
final class Topology {

    /** Sub-devices one gateway may hold (EnOS documents a limit, 11739, without its value; ours is fixed). */
    static final int MAX_SUB_DEVICES = 1_000;
    private static final String NONE = "";

    private final DataSet dataSet;
    private final Devices devices;
    /** Sub-device assetId to its gateway's assetId ("" = detached) where it differs from the generated one. */
    private final Map<String, String> gatewayOverride = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> added = new ConcurrentHashMap<>();

    Topology(DataSet dataSet, Devices devices) {
        this.dataSet = dataSet;
        this.devices = devices;
    }

    /** The assetId of a device's gateway, or null when it has none. */
    String gatewayOf(String assetId) {
        String override = gatewayOverride.get(assetId);
        if (override != null) {
            return override.isEmpty() ? null : override;
        }
        int index = dataSet.indexOf(assetId);
        if (index < 0 || DataSet.isSite(index) || dataSet.modelOf(index) == ThingModels.METER) {
            return null;
        }
        int meter = Math.min(DataSet.siteIndexOf(index) + DataSet.BLOCK, dataSet.baseAssetCount()) - 1;
        String gateway = dataSet.assetId(meter);
        return devices.byAssetId(gateway) == null ? null : gateway;
    }

    /** The sub-devices of a gateway, in a stable order (generated ones by index, then added ones). */
    List<String> subDevicesOf(String gatewayId) {
        List<String> result = new ArrayList<>();
        int index = dataSet.indexOf(gatewayId);
        if (index >= 0 && dataSet.modelOf(index) == ThingModels.METER) {
            for (int i = DataSet.siteIndexOf(index) + 1; i < index; i++) {
                String id = dataSet.assetId(i);
                if (gatewayId.equals(gatewayOf(id)) && devices.byAssetId(id) != null) {
                    result.add(id);
                }
            }
        }
        Set<String> mine = added.get(gatewayId);
        if (mine != null) {
            synchronized (mine) {
                for (String id : mine) {
                    if (gatewayId.equals(gatewayOf(id)) && devices.byAssetId(id) != null && !result.contains(id)) {
                        result.add(id);
                    }
                }
            }
        }
        return result;
    }

    ObjectNode requireGateway(JsonNode identifier) {
        ObjectNode gateway = devices.require(identifier, "gateway");
        if (!"Gateway".equals(gateway.path("productType").asText())) {
            throw ApiError.of(11738, "Not Gateway: device " + gateway.path("assetId").asText() + " is not a gateway");
        }
        return gateway;
    }

    synchronized void add(ObjectNode gateway, List<ObjectNode> subs) {
        String gatewayId = gateway.path("assetId").asText();
        List<String> current = subDevicesOf(gatewayId);
        Set<String> toAdd = new LinkedHashSet<>();
        for (ObjectNode sub : subs) {
            String id = sub.path("assetId").asText();
            if ("Gateway".equals(sub.path("productType").asText())) {
                throw ApiError.invalidArgument("subDevices", "device " + id + " is a gateway and cannot be a sub-device");
            }
            String existing = gatewayOf(id);
            if (existing != null && !existing.equals(gatewayId)) {
                throw ApiError.invalidArgument("subDevices", "device " + id + " is already a sub-device of gateway "
                        + existing);
            }
            if (!current.contains(id)) {
                toAdd.add(id);
            }
        }
        if (current.size() + toAdd.size() > MAX_SUB_DEVICES) {
            throw ApiError.of(11739, "Exceed max device size: a gateway holds at most " + MAX_SUB_DEVICES
                    + " sub-devices");
        }
        Set<String> mine = added.computeIfAbsent(gatewayId, k -> new LinkedHashSet<>());
        synchronized (mine) {
            for (String id : toAdd) {
                gatewayOverride.put(id, gatewayId);
                mine.add(id);
            }
        }
    }

    synchronized void remove(ObjectNode gateway, List<ObjectNode> subs) {
        String gatewayId = gateway.path("assetId").asText();
        for (ObjectNode sub : subs) {
            String id = sub.path("assetId").asText();
            if (!gatewayId.equals(gatewayOf(id))) {
                throw ApiError.of(11795, "Invalid arguments: device " + id + " is not a sub-device of gateway "
                        + gatewayId);
            }
        }
        for (ObjectNode sub : subs) {
            gatewayOverride.put(sub.path("assetId").asText(), NONE);
        }
    }

    /** A deleted device leaves its gateway (and a deleted gateway its sub-devices). */
    void forget(String assetId) {
        gatewayOverride.put(assetId, NONE);
        added.remove(assetId);
    }
}
