package io.camelenos.quarkus.enos.deployment;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

/** The asset ids the test route has received. */
@Singleton
public class SeenAssets {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    void add(String assetId) {
        ids.add(assetId);
    }

    public Set<String> ids() {
        return Set.copyOf(ids);
    }
}
