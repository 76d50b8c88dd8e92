package io.camelenos.simulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.camelenos.simulator.http.SimRequest;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

/** The workflow directories: create one, list the tree (with the flows in each). */
final class DirectoryHandlers {

    private final BatchStore store;
    private final BatchAccess access;
    private final BatchViews views;

    DirectoryHandlers(BatchStore store, BatchAccess access, BatchViews views) {
        this.store = store;
        this.access = access;
        this.views = views;
    }

    // POST directories?action=create {parentId, dirName}
    Object createDirectory(SimRequest request) {
        access.user(request);
        JsonNode body = request.jsonObject();
        String name = Json.text(body, "dirName");
        String parent = Json.text(body, "parentId");
        if (name == null || name.isBlank()) {
            throw ApiError.of(62102, "param: dirName cannot be empty");
        }
        if (parent == null || parent.isBlank()) {
            throw ApiError.of(62102, "param: parentId cannot be empty");
        }
        if (!store.directories.containsKey(parent)) {
            throw ApiError.of(62102, "parentId not found");
        }
        if (store.directories.values().stream().anyMatch(d -> parent.equals(d.parentId()) && d.title().equals(name))) {
            throw ApiError.of(62102, "A directory of the same name already exists");
        }
        return Json.object().put("dirId", store.newDirectory(name, parent));
    }

    // GET directories?action=listWorkFlowDirs
    Object listDirectories(SimRequest request) {
        access.user(request);
        ArrayNode list = Json.array();
        list.add(views.directoryJson(store.directories.get("wf-root")));
        return list;
    }
}
