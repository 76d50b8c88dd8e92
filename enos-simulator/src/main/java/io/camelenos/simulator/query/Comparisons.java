package io.camelenos.simulator.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The comparison operators of the expression language; a field with several values matches when any value does. */
final class Comparisons {

    private Comparisons() {
    }

    static Predicate<JsonNode> in(FieldResolver resolver, String field, List<String> values) {
        Set<String> set = new HashSet<>(values);
        return record -> resolver.values(record, field).stream().anyMatch(v -> set.contains(v.asText()));
    }

    /** {@code like}: SQL wildcards % and _ when present, otherwise a substring match. */
    static Predicate<JsonNode> like(FieldResolver resolver, String field, String pattern) {
        Predicate<String> matcher;
        if (pattern.contains("%") || pattern.contains("_")) {
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
            }
            Pattern compiled = Pattern.compile(regex.toString(), Pattern.DOTALL);
            matcher = s -> compiled.matcher(s).matches();
        } else {
            matcher = s -> s.contains(pattern);
        }
        return record -> resolver.values(record, field).stream().anyMatch(v -> matcher.test(v.asText()));
    }

    static Predicate<JsonNode> compare(FieldResolver resolver, String field, String op, String literal) {
        return record -> resolver.values(record, field).stream().anyMatch(v -> test(v, op, literal));
    }

    private static boolean test(JsonNode value, String op, String literal) {
        int cmp = compareTo(value, literal);
        return switch (op) {
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            default -> throw Expression.error("unsupported operator " + op);
        };
    }

    private static int compareTo(JsonNode value, String literal) {
        if (value.isNumber()) {
            try {
                return Double.compare(value.asDouble(), Double.parseDouble(literal));
            } catch (NumberFormatException e) {
                return value.asText().compareTo(literal);
            }
        }
        return value.asText().compareTo(literal);
    }
}
