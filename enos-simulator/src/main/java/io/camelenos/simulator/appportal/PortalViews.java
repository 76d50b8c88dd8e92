package io.camelenos.simulator.appportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.data.DataSet;
import io.camelenos.simulator.iam.Users;
import io.camelenos.simulator.wire.Json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/** The portal's JSON: pages, users (as listed and as the API-user struct), the org, token answers, enumerations. */
final class PortalViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.S")
            .withZone(ZoneOffset.UTC);

    private final SimContext context;
    private final Users users;

    PortalViews(SimContext context, Users users) {
        this.context = context;
        this.users = users;
    }

    static ObjectNode pagination(int[] page, long total) {
        return Json.object().put("totalElements", total).put("pageNo", page[0]).put("pageSize", page[1]);
    }

    ObjectNode userPage(JsonNode body, String field, Function<Users.User, ObjectNode> view) {
        int[] page = PortalChecks.page(body);
        List<Users.User> all = users.all();
        ObjectNode data = Json.object();
        data.set("pagination", pagination(page, all.size()));
        ArrayNode list = data.putArray(field);
        long from = (long) page[0] * page[1];
        for (long i = from; i < Math.min(all.size(), from + page[1]); i++) {
            list.add(view.apply(all.get((int) i)));
        }
        return data;
    }

    ObjectNode userDto(Users.User u) {
        String created = TIME.format(Instant.ofEpochMilli(DataSet.EPOCH_MILLIS - 86_400_000L));
        return Json.object().put("id", u.id()).put("name", u.name()).put("domain", u.ldapLink() == null ? "" : u.ldapLink())
                .put("description", "").put("nickName", "").put("phoneArea", "").put("phone", "")
                .put("email", u.email()).put("createdTime", created).put("joinTime", created)
                .put("type", u.ldapLink() == null ? 0 : 1);
    }

    ObjectNode apiUser(Users.User u) {
        return Json.object().put("userId", u.id()).put("email", u.email()).put("phone", "").put("phoneArea", "")
                .put("name", u.name());
    }

    ObjectNode orgRef() {
        return Json.object().put("id", context.orgId()).put("name", users.orgName());
    }

    ObjectNode tokenAnswer(PortalSessions.Access access, PortalSessions.Refresh refresh) {
        return Json.object().put("userId", access.user().id()).put("userName", access.user().name())
                .put("currentOrgId", access.orgId()).put("currentOrgName", users.orgName())
                .put("accessToken", access.token()).put("refreshToken", refresh.token())
                .put("refreshTokenExpire", refresh.expiresMillis());
    }

    static ObjectNode enumeration(String field, String... names) {
        ObjectNode data = Json.object();
        ArrayNode list = data.putArray(field);
        for (int i = 0; i < names.length; i += 2) {
            list.addObject().put("id", i / 2).putObject("name").put("default", names[i]).put("en_US", names[i])
                    .put("zh_CN", names[i + 1]);
        }
        return data;
    }
}
