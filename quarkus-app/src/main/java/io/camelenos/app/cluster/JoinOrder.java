package io.camelenos.app.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In which order, and when, a replica joins the elections of its routes at start: one route per join interval, in the
 * order of a hash of the (instance id, route id) pair (rendezvous hashing). The cluster services are first come, first
 * served: without this the replica started first asks first for every route and leads them all. With it, replicas
 * starting together each ask first for another route at each step, like a draft, so each leads about its share, with no
 * need to know the others. The election itself stays the cluster service's: this only orders the asking.
 */
final class JoinOrder {

    private final Duration interval;

    JoinOrder(Duration interval) {
        this.interval = interval;
    }

    /** Per route, in joining order, how long after the start this instance joins its election. */
    Map<String, Duration> delays(String instanceId, List<String> routeIds) {
        List<String> order = routeIds.stream().distinct()
                .sorted(Comparator.comparingLong((String routeId) -> rank(instanceId, routeId))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        Map<String, Duration> delays = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            delays.put(order.get(i), interval.multipliedBy(i));
        }
        return delays;
    }

    /** The pair's rank, the same in every JVM: the lower, the sooner this instance asks for the route. */
    static long rank(String instanceId, String routeId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((instanceId + '\n' + routeId).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong() >>> 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e); // every Java SE has it
        }
    }
}
