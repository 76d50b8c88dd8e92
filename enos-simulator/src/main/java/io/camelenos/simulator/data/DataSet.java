package io.camelenos.simulator.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.wire.Json;

import java.time.Instant;
import java.util.List;

/**
 * The emulated organisation's fleet, generated from a seed and a size with no storage: asset {@code i} is computed
 * on demand. The fleet is cut into blocks of {@value #BLOCK} assets; the first of each block is a site (wind farm
 * or solar site, alternately) at the root of its own asset tree, the others are its devices (turbines or inverters,
 * and a meter last). Writes go to {@link AssetStore}'s overlay, so later reads see them.
 */
public final class DataSet {

    /** Assets per site block: one site and its devices. */
    public static final int BLOCK = 25;
    /** Devices of one model that share a product (EnOS allows 10,000 devices per product). */
    public static final int DEVICES_PER_PRODUCT_BLOCKS = 400;
    /** When the fleet was "commissioned": asset i was created i minutes after it. */
    public static final long EPOCH_MILLIS = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    private static final List<String> TIMEZONES = List.of("+08:00", "Europe/Berlin", "America/Chicago",
            "Asia/Shanghai", "UTC", "Australia/Sydney");
    private static final List<String> REGIONS = List.of("north", "south", "east", "west");
    private static final List<String> MANUFACTURERS = List.of("Envision", "Vestas", "Goldwind", "Siemens Gamesa");

    private final long seed;
    private final int assetCount;
    private final String orgId;
    private final AssetIds ids;
    private final AssetStore assets;

    public DataSet(long seed, int assetCount, String orgId) {
        if (assetCount < 1) {
            throw new IllegalArgumentException("assets must be at least 1, was " + assetCount);
        }
        this.seed = seed;
        this.assetCount = assetCount;
        this.orgId = orgId;
        this.ids = new AssetIds(seed);
        this.assets = new AssetStore(this);
    }

    public long seed() {
        return seed;
    }

    public String orgId() {
        return orgId;
    }

    /** Assets generated from the seed (before any write). */
    public int baseAssetCount() {
        return assetCount;
    }

    public AssetStore assets() {
        return assets;
    }

    public String assetId(int index) {
        return ids.id(index);
    }

    /** The generated index of an asset id, or -1 when it is not a generated id. */
    public int indexOf(String assetId) {
        long index = ids.index(assetId);
        return index >= 0 && index < assetCount ? (int) index : -1;
    }

    public static boolean isSite(int index) {
        return index % BLOCK == 0;
    }

    public static int siteIndexOf(int index) {
        return index - index % BLOCK;
    }

    public int siteCount() {
        return (assetCount + BLOCK - 1) / BLOCK;
    }

    /** Indexes of a site's devices (its children in the generated tree). */
    public int[] deviceIndexesOf(int siteIndex) {
        int end = Math.min(siteIndex + BLOCK, assetCount);
        int[] result = new int[Math.max(0, end - siteIndex - 1)];
        for (int i = 0; i < result.length; i++) {
            result[i] = siteIndex + 1 + i;
        }
        return result;
    }

    public ThingModel modelOf(int index) {
        boolean wind = (index / BLOCK) % 2 == 0;
        if (isSite(index)) {
            return wind ? ThingModels.WIND_FARM : ThingModels.SOLAR_SITE;
        }
        boolean lastOfBlock = index % BLOCK == BLOCK - 1 || index == assetCount - 1;
        if (lastOfBlock) {
            return ThingModels.METER;
        }
        return wind ? ThingModels.WIND_TURBINE : ThingModels.INVERTER;
    }

    public String timezoneOf(int index) {
        return TIMEZONES.get(pick(index / BLOCK, 1, TIMEZONES.size()));
    }

    /** The tree a generated site is the root of: "tr" + the site's asset id. */
    public String treeIdOfSite(int siteIndex) {
        return "tr" + assetId(siteIndex);
    }

    /** The product of a generated device: one per device model and run of sites, so none passes 10,000 devices. */
    public String productKeyOf(int index) {
        ThingModel model = modelOf(index);
        int bucket = index / (BLOCK * DEVICES_PER_PRODUCT_BLOCKS);
        return productPrefix(model) + ids.id(bucket).substring(0, 2) + Integer.toString(bucket, 36) + "Pk";
    }

    public static String productPrefix(ThingModel model) {
        return switch (model.modelId()) {
            case "EnOS_Wind_Turbine" -> "WTG";
            case "EnOS_Solar_Inverter" -> "INV";
            case "EnOS_Meter" -> "MTR";
            default -> "SITE";
        };
    }

    /** The device key of a generated device: its product prefix and its asset id. */
    public String deviceKeyOf(int index) {
        return productPrefix(modelOf(index)).toLowerCase() + "_" + assetId(index);
    }

    /** The generated asset at an index, as EnOS's asset search answers it. */
    public ObjectNode generateAsset(int index) {
        ThingModel model = modelOf(index);
        int site = siteIndexOf(index);
        ObjectNode node = Json.object()
                .put("assetId", assetId(index))
                .put("orgId", orgId)
                .put("modelId", model.modelId())
                .put("modelIdPath", model.modelIdPath());
        node.set("name", i18n(englishName(index, model), chineseName(index, model)));
        node.put("description", model.name() + " of site " + siteCode(site))
                .put("timezone", timezoneOf(index))
                .put("label", model.site() ? "1" : "0")
                .put("inValid", false)
                .put("createTime", EPOCH_MILLIS + index * 60_000L);
        node.set("attributes", attributes(index, model));
        ObjectNode tags = node.putObject("tags").put("region", REGIONS.get(pick(site / BLOCK, 2, REGIONS.size())))
                .put("site", siteCode(site));
        if (!model.site()) {
            tags.put("position", Integer.toString(index - site));
            node.put("productKey", productKeyOf(index)).put("deviceKey", deviceKeyOf(index));
        }
        return node;
    }

    private ObjectNode attributes(int index, ThingModel model) {
        ObjectNode a = Json.object();
        switch (model.modelId()) {
            case "EnOS_Wind_Farm", "EnOS_Solar_Site" -> a
                    .put("capacity", 20 + pick(index, 3, 180))
                    .put("latitude", Math.round((20 + pick(index, 4, 3000) / 100.0) * 100) / 100.0)
                    .put("longitude", Math.round((100 + pick(index, 5, 2000) / 100.0) * 100) / 100.0)
                    .put("operator", "Operator " + (char) ('A' + pick(index, 6, 5)));
            case "EnOS_Wind_Turbine" -> a.put("ratedPower", 2000 + 500 * pick(index, 7, 5))
                    .put("hubHeight", 80 + 10 * pick(index, 8, 5))
                    .put("manufacturer", MANUFACTURERS.get(pick(index, 9, MANUFACTURERS.size())));
            case "EnOS_Solar_Inverter" -> a.put("ratedPower", 100 + 25 * pick(index, 7, 8))
                    .put("manufacturer", MANUFACTURERS.get(pick(index, 9, MANUFACTURERS.size())));
            case "EnOS_Meter" -> a.put("ctRatio", 100 * (1 + pick(index, 10, 10)));
            default -> {
                // models added at run time carry no generated attributes
            }
        }
        return a;
    }

    private static String englishName(int index, ThingModel model) {
        int site = siteIndexOf(index);
        return switch (model.modelId()) {
            case "EnOS_Wind_Farm" -> "Wind Farm " + siteCode(site);
            case "EnOS_Solar_Site" -> "Solar Site " + siteCode(site);
            case "EnOS_Meter" -> "Meter " + siteCode(site);
            default -> DataSet.productPrefix(model) + "-" + siteCode(site) + "-" + pad2(index - site);
        };
    }

    private static String chineseName(int index, ThingModel model) {
        int site = siteIndexOf(index);
        return model.zhName() + " " + siteCode(site) + (model.site() ? "" : "-" + pad2(index - site));
    }

    private static String pad2(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /** "S0001" for the first site. */
    public static String siteCode(int siteIndex) {
        String n = Integer.toString(siteIndex / BLOCK + 1);
        return "S" + "0".repeat(Math.max(0, 4 - n.length())) + n;
    }

    /** A deterministic choice in [0, bound) for (seed, key, salt). */
    public int pick(long key, int salt, int bound) {
        return (int) Math.floorMod(mix(seed * 31 + key * 1_000_003L + salt), (long) bound);
    }

    /** SplitMix64's finaliser: a cheap, well-spread hash for deterministic values. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** An EnOS StringI18n: {defaultValue, i18nValue: {en_US, zh_CN}}. */
    public static ObjectNode i18n(String english, String chinese) {
        ObjectNode node = Json.object().put("defaultValue", english);
        node.putObject("i18nValue").put("en_US", english).put("zh_CN", chinese);
        return node;
    }
}
