package io.camelenos.bench;

import com.envision.apim.poseidon.config.PConfig;
import com.envision.apim.poseidon.core.Poseidon;
import com.envision.apim.poseidon.exception.PoseidonException;
import com.envisioniot.enos.api.common.constant.request.Pagination;
import com.envisioniot.enos.asset_tree_service.v2_1.SearchAssetNodeRequest;
import com.envisioniot.enos.asset_tree_service.v2_1.SearchAssetNodeResponse;
import com.envisioniot.enos.asset_tree_service.vo.AssetVo;

import java.util.List;

/**
 * EnOS's own Java SDK (Poseidon + enos-dm-api-pojo) paging {@code SearchAssetNodeRequest} the way its users do: one
 * page after the other, each request built, sent and parsed into the SDK's response type by the SDK. The SDK
 * encrypts its access token itself, which only the real gateway can read: the emulator behind the replay source runs
 * in lenient mode with keys of the shape the SDK expects ({@link io.camelenos.bench.replay.ReplayServer}).
 */
public final class EnosSdkDrain implements Drain {

    private final String baseUrl;
    private final String orgId;
    private final int pageSize;
    private final PConfig config;

    public EnosSdkDrain(String baseUrl, String orgId, String appKey, String appSecret, int pageSize) {
        this.baseUrl = baseUrl;
        this.orgId = orgId;
        this.pageSize = pageSize;
        this.config = PConfig.init().appKey(appKey).appSecret(appSecret);
    }

    @Override
    public String name() {
        return "EnOS Java SDK paging (sequential)";
    }

    @Override
    public void drain(Tally tally) throws Exception {
        for (int pageNo = 1; ; pageNo++) {
            SearchAssetNodeResponse page = fetch(pageNo);
            List<AssetVo> assets = page.getData();
            for (AssetVo asset : assets) {
                tally.record(asset.getAssetId());
            }
            if (assets.size() < pageSize || (long) pageNo * pageSize >= page.getPagination().getTotalSize()) {
                return;
            }
        }
    }

    // POST {gateway}/asset-tree-service/v2.1/asset-nodes?action=searchAssetV2&orgId=... (what POJO 0.2.5 sends)
    private SearchAssetNodeResponse fetch(int pageNo) throws PoseidonException {
        SearchAssetNodeRequest request = new SearchAssetNodeRequest();
        request.setOrgId(orgId);
        Pagination pagination = new Pagination();
        pagination.setPageNo(pageNo);
        pagination.setPageSize(pageSize);
        request.setPagination(pagination);
        SearchAssetNodeResponse page = Poseidon.config(config).url(baseUrl)
                .getResponse(request, SearchAssetNodeResponse.class);
        if (page == null || page.getCode() != 0 || page.getData() == null) {
            throw new IllegalStateException("page " + pageNo + " failed in the SDK: "
                                            + (page == null ? "no answer" : page.getCode() + " " + page.getMsg()));
        }
        return page;
    }
}
