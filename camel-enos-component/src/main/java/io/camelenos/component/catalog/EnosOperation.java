package io.camelenos.component.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One EnOS REST endpoint as data: where it lives, how it is called and how its answer is read.
 *
 * @param service      the {@code enos:} service name, e.g. {@code asset-tree}
 * @param name         the operation name, e.g. {@code searchAssetNode}
 * @param aliases      other names of the operation; {@code service/name} aliases live in another service
 * @param basePath     the gateway service path, e.g. {@code asset-tree-service}
 * @param version      the API version, e.g. {@code v2.1}
 * @param method       HTTP method
 * @param resource     path below the version; {@code {name}} segments are path parameters
 * @param action       value of the {@code action} query parameter, or null
 * @param query        parameters sent in the query string (besides orgId and action)
 * @param body         parameters sent as JSON body fields
 * @param envelope     response envelope style
 * @param pagination   pagination style
 * @param items        JSON pointer to the records of a page inside {@code data} ("" = data itself)
 * @param firstPage    number of the first page of a page-number search: 1 in most services, 0 in the App Portal
 *                     and batch services
 * @param paginationAt JSON pointer to the {@code pagination} member of a page-number answer in the whole response
 *                     ({@code /pagination} in most services, {@code /data/pagination} in the App Portal)
 * @param orgId        whether the orgId query parameter is sent
 * @param userAuth     the user credential sent in the Authorization header
 * @param doc          the documentation page this entry comes from (enos-api-endpoints.txt), or null
 * @param source       the reference source tag for endpoints known only from samples, or null
 * @param result       what of the answer becomes the message body
 * @param consumer     the polling consumer the operation gets, or {@link ConsumerKind#NONE}
 */
public record EnosOperation(String service, String name, List<String> aliases, String basePath, String version,
        String method, String resource, String action, List<ParameterSpec> query, List<ParameterSpec> body,
        Envelope envelope, PaginationStyle pagination, String items, int firstPage, String paginationAt, boolean orgId,
        UserAuth userAuth, String doc, String source, ResultStyle result, ConsumerKind consumer) {

    private static final Set<String> READ_ACTIONS = Set.of("get", "search", "list", "query",
            "scroll");
    private static final List<String> READ_PREFIXES = List.of("get", "search", "list", "query", "scroll");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

    /** The request path without query, e.g. {@code /asset-service/v2.1/assets}, with path parameters unfilled. */
    public String path() {
        return "/" + basePath + "/" + version + "/" + resource;
    }

    /** The names of the {@code {name}} path parameters, in order. */
    public List<String> pathParameters() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(resource);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * Whether a successful answer carries {@code data}: searches, reads and gets do, so an answer without it is an
     * error rather than an empty result; writes may answer with a bare {@code code} and {@code msg}.
     */
    public boolean returnsData() {
        return pagination != PaginationStyle.NONE || !items.isEmpty() || result == ResultStyle.ROWS
               || action != null && READ_ACTIONS.contains(action)
               || READ_PREFIXES.stream().anyMatch(prefix -> name.startsWith(prefix));
    }

    /** {@code service/name}, as in the endpoint URI. */
    public String key() {
        return service + "/" + name;
    }
}
