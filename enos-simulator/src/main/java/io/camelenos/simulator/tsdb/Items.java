package io.camelenos.simulator.tsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.camelenos.simulator.wire.Json;

import java.util.List;

/**
 * Writes {@code data.items} of a TSDB answer in one of EnOS's three item formats, straight into bytes:
 * 0, one object per (asset, point, timestamp); 1, the points of one asset and timestamp merged into one object;
 * 2, columns per (asset, point): {@code {assetId, pointId, localTime[], timestamp[], value[], dataQuality[]}}.
 */
final class Items {

    /** How to write: item format, local time shape, quality, and whether to write local time at all. */
    record Options(int itemFormat, boolean localTimeWithZone, boolean localTimeMillis, boolean withQuality,
                   boolean withLocalTime, boolean desc) {
    }

    private Items() {
    }

    /** {@code {"items": [...]}} for the pages of each asset (outer) and column (inner). */
    static ObjectNode data(List<AssetRef> assets, List<Column> columns, Page[][] pages, Options options) {
        long records = 0;
        for (Page[] row : pages) {
            for (Page page : row) {
                records += page.size;
            }
        }
        JsonOut out = new JsonOut((int) Math.min(Integer.MAX_VALUE - 64, 1024 + records * (options.itemFormat() == 2 ? 40 : 110)));
        out.raw('[');
        for (int a = 0; a < assets.size(); a++) {
            AssetRef asset = assets.get(a);
            LocalTimeFormat local = new LocalTimeFormat(asset.zone(), options.localTimeWithZone(),
                    options.localTimeMillis());
            switch (options.itemFormat()) {
                case 1 -> merged(out, asset, columns, pages[a], local, options);
                case 2 -> columnar(out, asset, columns, pages[a], local, options);
                default -> flat(out, asset, columns, pages[a], local, options);
            }
        }
        out.dropComma().raw(']');
        return wrap(out);
    }

    static ObjectNode wrap(JsonOut items) {
        ObjectNode data = Json.object();
        data.set("items", Json.NODES.rawValueNode(new RawValue(items.serializable())));
        return data;
    }

    private static void flat(JsonOut out, AssetRef asset, List<Column> columns, Page[] pages, LocalTimeFormat local,
                             Options options) {
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            Page page = pages[c];
            for (int i = 0; i < page.size; i++) {
                out.raw("{\"assetId\":").str(asset.id()).raw(",\"timestamp\":").num(page.time[i]).raw(',');
                out.key(column.label());
                value(out, column, page, i);
                if (options.withLocalTime()) {
                    out.raw(",\"localtime\":");
                    local.write(out, page.time[i]);
                }
                if (options.withQuality()) {
                    out.raw(",\"quality\":\"").num(page.quality[i]).raw('"');
                }
                out.raw("},");
            }
        }
    }

    private static void merged(JsonOut out, AssetRef asset, List<Column> columns, Page[] pages, LocalTimeFormat local,
                               Options options) {
        int[] at = new int[columns.size()];
        while (true) {
            long next = 0;
            boolean any = false;
            for (int c = 0; c < columns.size(); c++) {
                if (at[c] < pages[c].size) {
                    long t = pages[c].time[at[c]];
                    if (!any || (options.desc() ? t > next : t < next)) {
                        next = t;
                        any = true;
                    }
                }
            }
            if (!any) {
                return;
            }
            out.raw("{\"assetId\":").str(asset.id()).raw(",\"timestamp\":").num(next);
            JsonOut quality = options.withQuality() ? new JsonOut() : null;
            for (int c = 0; c < columns.size(); c++) {
                if (at[c] < pages[c].size && pages[c].time[at[c]] == next) {
                    out.raw(',').key(columns.get(c).label());
                    value(out, columns.get(c), pages[c], at[c]);
                    if (quality != null) {
                        quality.key(columns.get(c).label()).raw('"').num(pages[c].quality[at[c]]).raw("\",");
                    }
                    at[c]++;
                }
            }
            if (options.withLocalTime()) {
                out.raw(",\"localtime\":");
                local.write(out, next);
            }
            if (quality != null) {
                out.raw(",\"quality\":{").raw(quality.dropComma().toString()).raw('}');
            }
            out.raw("},");
        }
    }

    private static void columnar(JsonOut out, AssetRef asset, List<Column> columns, Page[] pages,
                                 LocalTimeFormat local, Options options) {
        for (int c = 0; c < columns.size(); c++) {
            Page page = pages[c];
            if (page.size == 0) {
                continue;
            }
            out.raw("{\"assetId\":").str(asset.id()).raw(",\"pointId\":").str(columns.get(c).label());
            if (options.withLocalTime()) {
                out.raw(",\"localTime\":[");
                for (int i = 0; i < page.size; i++) {
                    local.write(out, page.time[i]);
                    out.raw(',');
                }
                out.dropComma().raw(']');
            }
            out.raw(",\"timestamp\":[");
            for (int i = 0; i < page.size; i++) {
                out.num(page.time[i]).raw(',');
            }
            out.dropComma().raw("],\"value\":[");
            for (int i = 0; i < page.size; i++) {
                value(out, columns.get(c), page, i);
                out.raw(',');
            }
            out.dropComma().raw(']');
            if (options.withQuality()) {
                out.raw(",\"dataQuality\":[");
                for (int i = 0; i < page.size; i++) {
                    out.raw('"').num(page.quality[i]).raw("\",");
                }
                out.dropComma().raw(']');
            }
            out.raw("},");
        }
    }

    private static void value(JsonOut out, Column column, Page page, int i) {
        JsonNode text = page.text(i);
        if (text != null) {
            out.str(text.asText());
        } else if (column.integral() && !Double.isNaN(page.number[i])) {
            out.num(Math.round(page.number[i]));
        } else {
            out.num(page.number[i]);
        }
    }
}
