package io.camelenos.quarkus.enos.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

/** The assets the route has received, by asset id. */
@Singleton
public class ReceivedAssets {

    private final Map<String, JsonNode> byId = new ConcurrentHashMap<>();

    void add(JsonNode asset) {
        byId.put(asset.path("assetId").asText(), asset);
    }

    public Map<String, JsonNode> byId() {
        return Map.copyOf(byId);
    }
}
