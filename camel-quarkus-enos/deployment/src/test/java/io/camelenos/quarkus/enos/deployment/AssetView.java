package io.camelenos.quarkus.enos.deployment;

/** An application type an {@code enos:} endpoint maps assets to ({@code outputType}). */
public class AssetView {

    private String assetId;

    public String getAssetId() {
        return assetId;
    }

    public void setAssetId(String assetId) {
        this.assetId = assetId;
    }
}
