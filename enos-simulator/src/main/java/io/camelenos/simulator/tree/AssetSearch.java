package io.camelenos.simulator.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.data.AssetStore;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.http.Reply;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.query.Expression;
import io.camelenos.simulator.query.FieldResolver;
import io.camelenos.simulator.query.Paging;
import io.camelenos.simulator.query.Projection;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Search Asset Node ({@code asset-nodes?action=searchAsset}, and {@code searchAssetV2} that the POJOs send): the
 * asset search of EnOS. Every asset of the org, in the store's natural order, with {@code treeIds}. Without a
 * filter and while no generated asset was deleted, a page is cut straight from the store by position, so draining
 * a million assets costs O(page) per page; otherwise the fleet is scanned with a paging collector.
 */
final class AssetSearch {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    /** Expression fields of the documented API (reference 4.2). */
    static final Set<String> FIELDS = Set.of("assetId", "assetIds", "modelId", "modelIds", "rootModelId",
            "rootModelIds", "treeId", "productKey", "deviceKey", "createTime", "attributes.*", "tags.*", "name",
            "name.*");

    private final DataSet dataSet;
    private final AssetStore assets;
    private final AssetTrees trees;
    private final FieldResolver resolver;

    AssetSearch(DataSet dataSet, AssetTrees trees) {
        this.dataSet = dataSet;
        this.assets = dataSet.assets();
        this.trees = trees;
        this.resolver = resolver(trees);
    }

    Object search(SimRequest request) {
        JsonNode body = request.jsonObject();
        Paging paging = Paging.from(body, DEFAULT_PAGE, MAX_PAGE, false);
        Projection projection = Projection.from(body);
        Predicate<JsonNode> filter = Expression.parse(Json.text(body, "expression"), FIELDS, resolver);
        Predicate<JsonNode> legacy = filterVo(body.get("filter"));
        if (legacy != null) {
            filter = filter.and(legacy);
        }
        if (filter == Expression.ALL && assets.positional()) {
            return positionalPage(paging, projection);
        }
        List<String> candidates = candidates(Json.text(body, "expression"));
        if (candidates != null) {
            return candidatePage(candidates, filter, paging, projection);
        }
        return scannedPage(filter, modelPreFilter(Json.text(body, "expression")), paging, projection);
    }

    /**
     * For a conjunction with a {@code modelId(s)} term: skips generated assets of other models before building them
     * (their model is a function of the index, and updates never change an asset's model).
     */
    private IntPredicate modelPreFilter(String expression) {
        Narrowing.Term term = Narrowing.term(expression, "modelIds?");
        if (term == null) {
            return index -> true;
        }
        Set<String> models = new HashSet<>(term.values());
        return index -> models.contains(dataSet.modelOf(index).modelId());
    }

    /**
     * The assets an expression can match at most, when it is a conjunction (no {@code or}) holding a
     * {@code treeId} or {@code assetId(s)} term with {@code =} or {@code in}: then only those assets are read,
     * not the whole fleet, in the fleet's natural order. Null when the expression does not narrow that way.
     */
    static List<String> candidates(String expression, AssetTrees trees, AssetStore assets,
                                   ToIntFunction<String> indexOf) {
        Narrowing.Term term = Narrowing.term(expression, "treeId|assetIds?");
        if (term == null) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String value : term.values()) {
            if (term.field().equals("treeId")) {
                ids.addAll(trees.assetIdsOf(value));
            } else if (assets.exists(value)) {
                ids.add(value);
            }
        }
        List<String> ordered = new ArrayList<>(ids);
        // generated assets by index, then the others as found
        ordered.sort(Comparator.comparingInt(id -> {
            int index = indexOf.applyAsInt(id);
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
        return ordered;
    }

    private List<String> candidates(String expression) {
        return candidates(expression, trees, assets, dataSet::indexOf);
    }

    private Reply candidatePage(List<String> candidates, Predicate<JsonNode> filter, Paging paging,
                                Projection projection) {
        long from = paging.offset();
        long to = from + paging.pageSize();
        long matched = 0;
        ArrayNode items = Json.array();
        for (String id : candidates) {
            ObjectNode asset = assets.get(id).orElse(null);
            if (asset != null && filter.test(asset)) {
                long position = matched++;
                if (position >= from && position < to) {
                    items.add(Projection.apply(projection, withTrees(asset)));
                }
            }
        }
        return Reply.page(items, paging.toJson(matched));
    }

    /** Scans the fleet: counts every match, keeps the page's (memory = one page); treeIds only for kept records. */
    private Reply scannedPage(Predicate<JsonNode> filter, IntPredicate preFilter, Paging paging,
                              Projection projection) {
        long from = paging.offset();
        long to = from + paging.pageSize();
        long[] matched = {0};
        ArrayNode items = Json.array();
        assets.forEach(preFilter, asset -> {
            if (filter.test(asset)) {
                long position = matched[0]++;
                if (position >= from && position < to) {
                    items.add(Projection.apply(projection, withTrees(asset)));
                }
            }
        });
        return Reply.page(items, paging.toJson(matched[0]));
    }

    private Reply positionalPage(Paging paging, Projection projection) {
        int total = assets.size();
        ArrayNode items = Json.array();
        long from = paging.offset();
        long to = Math.min(total, from + paging.pageSize());
        for (long position = from; position < to; position++) {
            items.add(Projection.apply(projection, withTrees(assets.at((int) position))));
        }
        return Reply.page(items, paging.toJson(total));
    }

    private ObjectNode withTrees(ObjectNode asset) {
        ArrayNode ids = asset.putArray("treeIds");
        trees.treeIdsOf(asset.path("assetId").asText()).forEach(ids::add);
        return asset;
    }

    /**
     * The API field names over a stored asset: plural forms, tree membership, and EnOS's name rules ({@code name}
     * matches the default and every locale; {@code name.zh_CN} falls back to the default name).
     */
    static FieldResolver resolver(AssetTrees trees) {
        FieldResolver special = (record, field) -> switch (field) {
            case "assetIds" -> FieldResolver.followPath(record, "assetId");
            case "modelIds" -> FieldResolver.followPath(record, "modelId");
            case "treeId" -> texts(trees.treeIdsOf(record.path("assetId").asText()));
            case "rootModelId", "rootModelIds" -> texts(trees.rootModelIdsOf(record.path("assetId").asText()));
            case "name" -> allNames(record.path("name"));
            default -> field.startsWith("name.") ? localeName(record.path("name"), field.substring(5)) : null;
        };
        return special.orElse(FieldResolver.JSON_PATH);
    }

    private static List<JsonNode> texts(List<String> values) {
        List<JsonNode> result = new ArrayList<>(values.size());
        values.forEach(v -> result.add(Json.NODES.textNode(v)));
        return result;
    }

    private static List<JsonNode> allNames(JsonNode name) {
        List<JsonNode> result = new ArrayList<>(3);
        if (name.isTextual()) {
            result.add(name);
            return result;
        }
        if (name.hasNonNull("defaultValue")) {
            result.add(name.get("defaultValue"));
        }
        name.path("i18nValue").forEach(result::add);
        return result;
    }

    private static List<JsonNode> localeName(JsonNode name, String locale) {
        if (name.isTextual()) {
            return List.of(name);
        }
        JsonNode value = locale.equals("default") || locale.equals("defaultValue") ? null
                : name.path("i18nValue").get(locale);
        if (value == null || value.isNull()) {
            value = name.get("defaultValue");
        }
        return value == null || value.isNull() ? List.of() : List.of(value);
    }

    /**
     * The older {@code filter} (AssetSearchVo): assetIds, modelIds, rootModelIds, treeId, nameLike {value, locale},
     * attributes and tags (each key equal to the value); all conditions must hold. Null when absent.
     */
    private Predicate<JsonNode> filterVo(JsonNode filter) {
        if (filter == null || filter.isNull()) {
            return null;
        }
        if (!filter.isObject()) {
            throw ApiError.invalidArgument("filter", "a JSON object is expected");
        }
        List<Predicate<JsonNode>> all = new ArrayList<>();
        inList(filter, "assetIds", "assetId", all);
        inList(filter, "modelIds", "modelId", all);
        inList(filter, "rootModelIds", "rootModelId", all);
        String treeId = Json.text(filter, "treeId");
        if (treeId != null) {
            all.add(r -> resolver.values(r, "treeId").stream().anyMatch(v -> v.asText().equals(treeId)));
        }
        JsonNode nameLike = filter.get("nameLike");
        if (nameLike != null && !nameLike.isNull()) {
            String value = nameLike.isTextual() ? nameLike.asText() : nameLike.path("value").asText();
            String locale = nameLike.isTextual() ? null : Json.text(nameLike, "locale");
            String field = locale == null ? "name" : "name." + locale;
            all.add(r -> resolver.values(r, field).stream().anyMatch(v -> v.asText().contains(value)));
        }
        equalMap(filter.get("attributes"), "attributes", all);
        equalMap(filter.get("tags"), "tags", all);
        return r -> all.stream().allMatch(p -> p.test(r));
    }

    private void inList(JsonNode filter, String key, String field, List<Predicate<JsonNode>> out) {
        JsonNode list = filter.get(key);
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            throw ApiError.invalidArgument("filter." + key, "an array is expected");
        }
        Set<String> wanted = new HashSet<>();
        list.forEach(v -> wanted.add(v.asText()));
        out.add(r -> resolver.values(r, field).stream().anyMatch(v -> wanted.contains(v.asText())));
    }

    private static void equalMap(JsonNode map, String prefix, List<Predicate<JsonNode>> out) {
        if (map == null || map.isNull()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String want = entry.getValue().asText();
            String key = entry.getKey();
            out.add(r -> r.path(prefix).has(key) && r.path(prefix).get(key).asText().equals(want));
        }
    }
}
