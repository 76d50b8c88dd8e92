package io.camelenos.simulator.tsdb;

import io.camelenos.simulator.data.ThingModel;

import java.time.ZoneId;

/**
 * An asset named in a TSDB request: its generated index ({@code -1} for assets created through the API, which have
 * only written values), its model (null when the model is unknown) and its timezone.
 */
record AssetRef(String id, int index, ThingModel model, ZoneId zone) {
}
