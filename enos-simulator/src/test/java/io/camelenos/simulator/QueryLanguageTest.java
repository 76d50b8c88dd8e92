package io.camelenos.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.query.Expression;
import io.camelenos.simulator.query.Paging;
import io.camelenos.simulator.query.Projection;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryLanguageTest {

    private static final Set<String> FIELDS = Set.of("modelId", "assetId", "name", "name.*", "tags.*", "createTime",
            "attributes.*");

    private static JsonNode record() throws Exception {
        return Json.MAPPER.readTree("""
                {"assetId":"a1","modelId":"EnOS_Wind_Turbine","createTime":1700000000000,
                 "name":{"defaultValue":"Turbine 7","i18nValue":{"en_US":"Turbine 7","zh_CN":"风机 7"}},
                 "tags":{"region":"north","site":"S0001"},
                 "attributes":{"ratedPower":2500,"distances":[{"towards":"east","km":3},{"towards":"west","km":5}]}}
                """);
    }

    private static boolean matches(String expression) throws Exception {
        Predicate<JsonNode> p = Expression.parse(expression, FIELDS);
        return p.test(record());
    }

    @Test
    void comparisonsInAndLike() throws Exception {
        assertTrue(matches("modelId = 'EnOS_Wind_Turbine'"));
        assertFalse(matches("modelId != 'EnOS_Wind_Turbine'"));
        assertTrue(matches("modelId in ('X', \"EnOS_Wind_Turbine\")"));
        assertFalse(matches("assetId not in ('a1')"));
        assertTrue(matches("name like 'Turbine'"));
        assertTrue(matches("name like 'Turb%7'"));
        assertTrue(matches("name.zh_CN like '风机'"));
        assertFalse(matches("name.en_US like 'Inverter'"));
        assertTrue(matches("createTime >= 1700000000000 and createTime < 1800000000000"));
        assertTrue(matches("attributes.ratedPower = 2500"));
    }

    @Test
    void tagsExistsAndBooleanLogicWithParentheses() throws Exception {
        assertTrue(matches("tags.region = 'north'"));
        assertTrue(matches("exists(tags.site)"));
        assertTrue(matches("not exists(tags.owner)"));
        assertTrue(matches("tags.region = 'south' or (tags.region = 'north' and modelId = 'EnOS_Wind_Turbine')"));
        assertFalse(matches("tags.region = 'south' or tags.region = 'east'"));
        assertTrue(matches("") && matches(null));
    }

    @Test
    void aFieldTheApiDoesNotAllowIs99400() {
        ApiError e = assertThrows(ApiError.class, () -> Expression.parse("secret = 'x'", FIELDS));

        assertEquals(99400, e.code());
        assertTrue(e.msg().startsWith("Invalid Argument expression:"));
        assertTrue(e.msg().contains("secret"));
    }

    @Test
    void badSyntaxIs99400() {
        assertEquals(99400, assertThrows(ApiError.class, () -> Expression.parse("modelId = ", FIELDS)).code());
        assertEquals(99400, assertThrows(ApiError.class, () -> Expression.parse("modelId = 'x", FIELDS)).code());
        assertEquals(99400, assertThrows(ApiError.class, () -> Expression.parse("(modelId = 'x'", FIELDS)).code());
        assertEquals(99400, assertThrows(ApiError.class, () -> Expression.parse("modelId = 'x' modelId", FIELDS)).code());
    }

    @Test
    void projectionCropsWithDotsStarsAndArrayElements() throws Exception {
        JsonNode body = Json.MAPPER.readTree(
                "{\"projection\":[\"assetId\",\"name.defaultValue\",\"attributes.distances[*].towards\",\"tags.*\"]}");

        JsonNode cropped = Projection.from(body).apply(record());

        assertEquals("{\"assetId\":\"a1\",\"name\":{\"defaultValue\":\"Turbine 7\"},"
                + "\"attributes\":{\"distances\":[{\"towards\":\"east\"},{\"towards\":\"west\"}]},"
                + "\"tags\":{\"region\":\"north\",\"site\":\"S0001\"}}", cropped.toString());
    }

    @Test
    void pagingChecksPageSizeAgainstTheApiMaximumAndRefusesSorters() throws Exception {
        JsonNode tooBig = Json.MAPPER.readTree("{\"pagination\":{\"pageNo\":1,\"pageSize\":201}}");
        JsonNode sorted = Json.MAPPER.readTree("{\"pagination\":{\"pageSize\":10,\"sorters\":[{\"field\":\"x\"}]}}");

        ApiError size = assertThrows(ApiError.class, () -> Paging.from(tooBig, 10, 200, false));
        ApiError sorters = assertThrows(ApiError.class, () -> Paging.from(sorted, 10, 200, false));

        assertTrue(size.msg().contains("pagination.pageSize") && size.msg().contains("200"));
        assertTrue(sorters.msg().contains("sorters"));
        assertEquals(10, Paging.from(Json.object(), 10, 200, false).pageSize());
    }
}
