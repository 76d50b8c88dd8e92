package io.camelenos.simulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.wire.ApiError;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The subset of EnOS's search expression language ("FQL") that the documented APIs use: {@code =, !=, <, <=, >, >=,
 * in, not in, like, exists(f), not exists(f), and, or} and parentheses, over fields such as {@code modelId},
 * {@code tags.region} and {@code name.en_US}. A parsed expression is a predicate over JSON records.
 */
public final class Expression {

    /** An expression that matches every record (an empty or absent expression). */
    public static final Predicate<JsonNode> ALL = record -> true;

    private Expression() {
    }

    /**
     * Parses an expression. {@code allowedFields} lists the fields an API accepts; an entry ending in {@code .*}
     * allows every sub-field ({@code tags.*}). A field outside the list, or bad syntax, is 99400.
     */
    public static Predicate<JsonNode> parse(String text, Set<String> allowedFields, FieldResolver resolver) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        Parser parser = new Parser(Tokenizer.tokenize(text), allowedFields, resolver);
        Predicate<JsonNode> result = parser.orExpr();
        if (!parser.atEnd()) {
            throw error("unexpected '" + parser.peek().text() + "'");
        }
        return result;
    }

    public static Predicate<JsonNode> parse(String text, Set<String> allowedFields) {
        return parse(text, allowedFields, FieldResolver.JSON_PATH);
    }

    static ApiError error(String detail) {
        return ApiError.invalidArgument("expression", detail);
    }

    private static final class Parser {
        private final List<Tokenizer.Token> tokens;
        private final Set<String> allowed;
        private final FieldResolver resolver;
        private int pos;

        Parser(List<Tokenizer.Token> tokens, Set<String> allowed, FieldResolver resolver) {
            this.tokens = tokens;
            this.allowed = allowed;
            this.resolver = resolver;
        }

        boolean atEnd() {
            return pos >= tokens.size();
        }

        Tokenizer.Token peek() {
            if (atEnd()) {
                throw error("unexpected end of expression");
            }
            return tokens.get(pos);
        }

        boolean acceptWord(String word) {
            if (!atEnd() && peek().isWord(word)) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(String symbol) {
            Tokenizer.Token t = peek();
            if (!t.text().equals(symbol)) {
                throw error("expected '" + symbol + "' but found '" + t.text() + "'");
            }
            pos++;
        }

        Predicate<JsonNode> orExpr() {
            Predicate<JsonNode> left = andExpr();
            while (acceptWord("or")) {
                left = left.or(andExpr());
            }
            return left;
        }

        Predicate<JsonNode> andExpr() {
            Predicate<JsonNode> left = unary();
            while (acceptWord("and")) {
                left = left.and(unary());
            }
            return left;
        }

        Predicate<JsonNode> unary() {
            if (!atEnd() && peek().text().equals("(")) {
                pos++;
                Predicate<JsonNode> inner = orExpr();
                expect(")");
                return inner;
            }
            if (acceptWord("not")) {
                if (!acceptWord("exists")) {
                    throw error("'not' must be followed by 'exists'");
                }
                return exists().negate();
            }
            if (acceptWord("exists")) {
                return exists();
            }
            return comparison();
        }

        Predicate<JsonNode> exists() {
            expect("(");
            String field = field();
            expect(")");
            return record -> !resolver.values(record, field).isEmpty();
        }

        Predicate<JsonNode> comparison() {
            String field = field();
            if (acceptWord("in")) {
                return Comparisons.in(resolver, field, list());
            }
            if (acceptWord("not")) {
                if (!acceptWord("in")) {
                    throw error("expected 'in' after 'not'");
                }
                return Comparisons.in(resolver, field, list()).negate();
            }
            if (acceptWord("like")) {
                return Comparisons.like(resolver, field, literal());
            }
            Tokenizer.Token op = peek();
            if (op.kind() != Tokenizer.Kind.OPERATOR) {
                throw error("expected an operator after " + field + " but found '" + op.text() + "'");
            }
            pos++;
            return Comparisons.compare(resolver, field, op.text(), literal());
        }

        List<String> list() {
            expect("(");
            List<String> values = new ArrayList<>();
            values.add(literal());
            while (!atEnd() && peek().text().equals(",")) {
                pos++;
                values.add(literal());
            }
            expect(")");
            return values;
        }

        String literal() {
            Tokenizer.Token t = peek();
            if (t.kind() != Tokenizer.Kind.STRING && t.kind() != Tokenizer.Kind.NUMBER
                    && !(t.kind() == Tokenizer.Kind.WORD && (t.isWord("true") || t.isWord("false")))) {
                throw error("expected a value but found '" + t.text() + "'");
            }
            pos++;
            return t.text();
        }

        String field() {
            Tokenizer.Token t = peek();
            if (t.kind() != Tokenizer.Kind.WORD) {
                throw error("expected a field but found '" + t.text() + "'");
            }
            pos++;
            if (!isAllowed(t.text())) {
                throw error("field " + t.text() + " is not supported by this API");
            }
            return t.text();
        }

        boolean isAllowed(String field) {
            if (allowed == null || allowed.contains(field)) {
                return true;
            }
            int dot = field.indexOf('.');
            return dot > 0 && allowed.contains(field.substring(0, dot) + ".*");
        }
    }
}
