package io.camelenos.simulator.appportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.data.AssetStore;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.iam.Users;
import io.camelenos.simulator.wire.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The org's assets as the App Portal shows them: an organization structure with one node per site of the data set
 * (the org at the root), each site's tree of assets hanging under its site node, and per-user views of them.
 */
final class PortalAssets {

    /** The asset tree answer stops after this many asset nodes (a 100,000-asset fleet would be megabytes). */
    static final int MAX_TREE_ASSETS = 2000;

    private final SimContext context;
    private final Users users;

    PortalAssets(SimContext context, Users users) {
        this.context = context;
        this.users = users;
    }

    String rootId() {
        return "sg" + context.orgId();
    }

    static String siteStructureId(String siteAssetId) {
        return "sg" + siteAssetId;
    }

    ObjectNode rootStructure() {
        return Json.object().put("id", rootId()).put("name", users.orgName()).put("displayName", users.orgName())
                .put("description", "The organization").put("orgId", context.orgId()).put("parentId", "");
    }

    /** The structure node of the site an asset belongs to; null for assets outside the generated fleet. */
    ObjectNode siteStructure(String assetId) {
        int index = context.dataSet().indexOf(assetId);
        if (index < 0) {
            return null;
        }
        String siteId = context.dataSet().assetId(DataSet.siteIndexOf(index));
        String name = "Site " + DataSet.siteCode(DataSet.siteIndexOf(index));
        return Json.object().put("id", siteStructureId(siteId)).put("name", name).put("displayName", name)
                .put("description", "Structure of " + name).put("orgId", context.orgId()).put("parentId", rootId());
    }

    /** {default, en_US, zh_CN} from an asset's StringI18n name. */
    static ObjectNode portalName(JsonNode name) {
        ObjectNode result = Json.object().put("default", name.path("defaultValue").asText());
        name.path("i18nValue").fields().forEachRemaining(e -> result.set(e.getKey(), e.getValue()));
        return result;
    }

    ObjectNode assetEntry(ObjectNode asset) {
        ObjectNode entry = Json.object().put("id", asset.path("assetId").asText());
        entry.set("name", portalName(asset.path("name")));
        return entry.put("orgId", context.orgId());
    }

    /** How many assets the user can see (the admin: every asset of the org). */
    int countFor(Users.User user) {
        return user.admin() ? context.dataSet().assets().size() : limitedIds(user).size();
    }

    /** One page of the user's assets, in the fleet's order; pages are cut without scanning when possible. */
    List<ObjectNode> pageFor(Users.User user, int pageNo, int pageSize) {
        long from = (long) pageNo * pageSize;
        List<ObjectNode> page = new ArrayList<>();
        AssetStore store = context.dataSet().assets();
        if (user.admin()) {
            int total = store.size();
            if (store.positional()) {
                for (long p = from; p < Math.min(total, from + pageSize); p++) {
                    page.add(assetEntry(store.at((int) p)));
                }
            } else {
                long[] seen = {0};
                store.forEach(a -> {
                    if (seen[0] >= from && seen[0] < from + pageSize) {
                        page.add(assetEntry(a));
                    }
                    seen[0]++;
                });
            }
            return page;
        }
        List<String> ids = limitedIds(user);
        for (long p = from; p < Math.min(ids.size(), from + pageSize); p++) {
            store.get(ids.get((int) p)).ifPresent(a -> page.add(assetEntry(a)));
        }
        return page;
    }

    /** A non-admin's assets: the first site's tree, then the assets granted to them. */
    private List<String> limitedIds(Users.User user) {
        TreeSet<String> extra = new TreeSet<>(users.grantedTo(user));
        List<String> ids = new ArrayList<>();
        DataSet data = context.dataSet();
        if (data.assets().exists(data.assetId(0))) {
            ids.add(data.assetId(0));
        }
        for (int i : data.deviceIndexesOf(0)) {
            if (data.assets().exists(data.assetId(i))) {
                ids.add(data.assetId(i));
            }
        }
        extra.removeAll(ids);
        extra.stream().filter(data.assets()::exists).forEach(ids::add);
        return ids;
    }

    /** The user's assets as a tree: org → site structures → assets (cut after {@link #MAX_TREE_ASSETS} assets). */
    ObjectNode treeFor(Users.User user) {
        ObjectNode root = Json.object().put("id", rootId()).put("name", users.orgName()).putNull("tag")
                .put("parentId", "");
        Map<String, ArrayNode> bySite = new LinkedHashMap<>();
        Iterator<String> ids = user.admin() ? allGeneratedIds() : limitedIds(user).iterator();
        int count = 0;
        ArrayNode sites = root.putArray("children");
        while (ids.hasNext() && count < MAX_TREE_ASSETS) {
            String id = ids.next();
            ObjectNode structure = siteStructure(id);
            ObjectNode asset = context.dataSet().assets().get(id).orElse(null);
            if (structure == null || asset == null) {
                continue;
            }
            ArrayNode children = bySite.computeIfAbsent(structure.get("id").asText(), k -> {
                ObjectNode node = Json.object().put("id", k).put("name", structure.get("name").asText()).putNull("tag")
                        .put("parentId", rootId());
                sites.add(node);
                return node.putArray("children");
            });
            ObjectNode leaf = Json.object().put("id", id).put("name", asset.path("name").path("defaultValue").asText())
                    .put("tag", "asset").put("parentId", "");
            leaf.putNull("children");
            children.add(leaf);
            count++;
        }
        return root;
    }

    private Iterator<String> allGeneratedIds() {
        DataSet data = context.dataSet();
        return new Iterator<>() {
            int next = 0;

            @Override
            public boolean hasNext() {
                return next < data.baseAssetCount();
            }

            @Override
            public String next() {
                return data.assetId(next++);
            }
        };
    }
}
