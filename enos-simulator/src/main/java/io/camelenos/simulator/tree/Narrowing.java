package io.camelenos.simulator.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a search expression says for sure, read from its text so a search can skip assets before building them:
 * when the expression is a conjunction (no {@code or}), each {@code field = 'v'} or {@code field in ('a', 'b')}
 * term in it must hold for every match. The full expression still decides; this only narrows what is read.
 */
final class Narrowing {

    private static final Pattern QUOTED = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern OR = Pattern.compile("(?i)\\bor\\b");

    private Narrowing() {
    }

    /** A required term on one of the fields, or null when the expression has none or is not a conjunction. */
    static Term term(String expression, String fields) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        // blank out the inside of every string literal (same length), so words inside values do not count
        StringBuilder masked = new StringBuilder(expression);
        Matcher quoted = QUOTED.matcher(expression);
        while (quoted.find()) {
            for (int i = quoted.start() + 1; i < quoted.end() - 1; i++) {
                masked.setCharAt(i, '_');
            }
        }
        if (OR.matcher(masked).find()) {
            return null;
        }
        Matcher term = Pattern.compile("(?<![\\w.])(" + fields + ")\\s*(=\\s*(?:'[^']*'|\"[^\"]*\")|(?i:in)\\s*\\([^)]*\\))")
                .matcher(masked);
        if (!term.find()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        Matcher literal = QUOTED.matcher(expression.substring(term.start(2), term.end(2)));
        while (literal.find()) {
            values.add(literal.group().substring(1, literal.group().length() - 1));
        }
        return new Term(term.group(1), values);
    }

    /** A field (as written) and the values one of which it must have. */
    record Term(String field, List<String> values) {
    }
}
