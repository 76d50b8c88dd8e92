package io.camelenos.simulator.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a search expression into words, quoted strings, numbers, operators and punctuation. */
final class Tokenizer {

    enum Kind { WORD, STRING, NUMBER, OPERATOR, PUNCT }

    record Token(Kind kind, String text) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.toLowerCase(Locale.ROOT).equals(word);
        }
    }

    private Tokenizer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                i = quoted(text, i, tokens);
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c)));
                i++;
            } else if (c == '=' || c == '!' || c == '<' || c == '>') {
                i = operator(text, i, tokens);
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                int start = i++;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i)));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && isWordChar(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, i)));
            } else {
                throw Expression.error("unexpected character '" + c + "' at " + i);
            }
        }
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '/';
    }

    private static int quoted(String text, int start, List<Token> tokens) {
        char quote = text.charAt(start);
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                value.append(text.charAt(i + 1));
                i += 2;
            } else if (c == quote) {
                tokens.add(new Token(Kind.STRING, value.toString()));
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        throw Expression.error("unterminated string starting at " + start);
    }

    private static int operator(String text, int i, List<Token> tokens) {
        String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
        if (two.equals("!=") || two.equals("<=") || two.equals(">=") || two.equals("<>")) {
            tokens.add(new Token(Kind.OPERATOR, two.equals("<>") ? "!=" : two));
            return i + 2;
        }
        char c = text.charAt(i);
        if (c == '!') {
            throw Expression.error("unexpected '!' at " + i);
        }
        tokens.add(new Token(Kind.OPERATOR, String.valueOf(c)));
        return i + 1;
    }
}
