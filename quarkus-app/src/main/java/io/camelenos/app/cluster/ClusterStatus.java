package io.camelenos.app.cluster;

import java.util.List;
import java.util.Map;

/**
 * What this replica knows of the cluster ({@code GET /api/cluster}).
 *
 * @param instanceId this replica's id in the cluster
 * @param kind       the cluster service ({@code file}), or {@code none} without cluster mode
 * @param enabled    whether cluster mode is on
 * @param leads      the sync routes this replica runs now (all of them without cluster mode)
 * @param leaders    per sync route, the id of its leader as the cluster service reports it (null: not known)
 */
public record ClusterStatus(String instanceId, String kind, boolean enabled, List<String> leads,
                            Map<String, String> leaders) {
}
