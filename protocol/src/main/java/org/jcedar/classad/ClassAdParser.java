package org.jcedar.classad;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parser of the old ClassAd syntax that HTCondor writes on the wire and in ad files, following HTCondor's
 * recursive-descent parser (source.cpp) token for token: the same precedence levels, the same leniencies
 * (';' between function arguments, stray ';' in nested ads) and the same nesting limit. Attribute values
 * are parsed as HTCondor parses them (not "full"): text after a complete expression is ignored.
 * Hand-written because no library on Maven Central reads HTCondor's ClassAd syntax.
 */
public final class ClassAdParser {
    /** HTCondor's MAX_PARSER_DEPTH: deeper nesting is rejected rather than risking the stack. */
    private static final int MAX_DEPTH = 500;

    private final Lexer lexer;
    private int depth;

    private ClassAdParser(String text, int start) {
        this.lexer = new Lexer(text, start);
    }

    /** An attribute value, as HTCondor parses the right-hand side of an entry: trailing text is ignored. */
    public static Expr parseExpression(String text) throws ClassAdSyntaxException {
        return new ClassAdParser(text, 0).expression();
    }

    /** A whole expression (e.g. a constraint typed by a user): nothing but white space may follow it. */
    public static Expr parseCompleteExpression(String text) throws ClassAdSyntaxException {
        ClassAdParser parser = new ClassAdParser(text, 0);
        Expr expr = parser.expression();
        parser.expect(Token.Kind.END_OF_INPUT, "end of input");
        return expr;
    }

    /**
     * One wire or file entry {@code Name = expression}, split at the first '=' as HTCondor splits it
     * (SplitLongFormAttrValue): the name is the text before it without leading white space and trailing
     * spaces; the value starts after the spaces that follow it. Positions in errors count from the line start.
     */
    public static Map.Entry<String, Expr> parseEntry(String line) throws ClassAdSyntaxException {
        int start = 0;
        while (start < line.length() && CStrings.isSpace(line.charAt(start))) {
            start++;
        }
        int equals = line.indexOf('=', start);
        if (equals < 0) {
            throw new ClassAdSyntaxException("expected 'Name = expression' but found no '='", line.length());
        }
        int nameEnd = equals;
        while (nameEnd > start && line.charAt(nameEnd - 1) == ' ') {
            nameEnd--;
        }
        if (nameEnd == start) {
            throw new ClassAdSyntaxException("expected an attribute name before '='", start);
        }
        int valueStart = equals + 1;
        while (valueStart < line.length() && line.charAt(valueStart) == ' ') {
            valueStart++;
        }
        Expr value = new ClassAdParser(line, valueStart).expression();
        return Map.entry(line.substring(start, nameEnd), value);
    }

    /**
     * An ad written one {@code Name = expression} per line, as in daemon ad files and the output of
     * {@code condor_status -long}; blank lines and lines starting with '#' are skipped. A name given twice
     * keeps its first position and takes the later value.
     */
    public static ClassAd parseLines(String text) throws ClassAdSyntaxException {
        ClassAd.Builder builder = ClassAd.builder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            try {
                Map.Entry<String, Expr> entry = parseEntry(line);
                builder.set(entry.getKey(), entry.getValue());
            } catch (ClassAdSyntaxException e) {
                throw new ClassAdSyntaxException(e, i + 1);
            }
        }
        return builder.build();
    }

    // Expression ::= LogicalOr | LogicalOr '?' Expression ':' Expression
    private Expr expression() throws ClassAdSyntaxException {
        enter();
        Expr condition = binary(0);
        if (lexer.peek().kind() != Token.Kind.QUESTION_MARK) {
            depth--;
            return condition;
        }
        lexer.next();
        Expr ifTrue = expression();
        expect(Token.Kind.COLON, "':' of the conditional expression");
        Expr ifFalse = expression();
        depth--;
        return new Expr.Conditional(condition, ifTrue, ifFalse);
    }

    /** The left-associative binary levels, loosest first (parseLogicalORExpression ... parseMultiplicative). */
    private static final List<Map<Token.Kind, BinaryOperator>> LEVELS = List.of(
            Map.of(Token.Kind.LOGICAL_OR, BinaryOperator.LOGICAL_OR),
            Map.of(Token.Kind.LOGICAL_AND, BinaryOperator.LOGICAL_AND),
            Map.of(Token.Kind.BITWISE_OR, BinaryOperator.BITWISE_OR),
            Map.of(Token.Kind.BITWISE_XOR, BinaryOperator.BITWISE_XOR),
            Map.of(Token.Kind.BITWISE_AND, BinaryOperator.BITWISE_AND),
            Map.of(Token.Kind.EQUAL, BinaryOperator.EQUAL, Token.Kind.NOT_EQUAL, BinaryOperator.NOT_EQUAL,
                    Token.Kind.META_EQUAL, BinaryOperator.META_EQUAL,
                    Token.Kind.META_NOT_EQUAL, BinaryOperator.META_NOT_EQUAL),
            Map.of(Token.Kind.LESS, BinaryOperator.LESS, Token.Kind.LESS_OR_EQUAL, BinaryOperator.LESS_OR_EQUAL,
                    Token.Kind.GREATER, BinaryOperator.GREATER,
                    Token.Kind.GREATER_OR_EQUAL, BinaryOperator.GREATER_OR_EQUAL),
            Map.of(Token.Kind.LEFT_SHIFT, BinaryOperator.LEFT_SHIFT, Token.Kind.RIGHT_SHIFT, BinaryOperator.RIGHT_SHIFT,
                    Token.Kind.UNSIGNED_RIGHT_SHIFT, BinaryOperator.UNSIGNED_RIGHT_SHIFT),
            Map.of(Token.Kind.PLUS, BinaryOperator.PLUS, Token.Kind.MINUS, BinaryOperator.MINUS),
            Map.of(Token.Kind.TIMES, BinaryOperator.TIMES, Token.Kind.DIVIDE, BinaryOperator.DIVIDE,
                    Token.Kind.MODULUS, BinaryOperator.MODULUS));

    private Expr binary(int level) throws ClassAdSyntaxException {
        if (level == LEVELS.size()) {
            return unary();
        }
        Map<Token.Kind, BinaryOperator> operators = LEVELS.get(level);
        Expr left = binary(level + 1);
        BinaryOperator operator;
        while ((operator = operators.get(lexer.peek().kind())) != null) {
            lexer.next();
            left = new Expr.Binary(operator, left, binary(level + 1));
        }
        return left;
    }

    // Unary ::= Postfix | ('-' | '+' | '~' | '!') Unary
    private Expr unary() throws ClassAdSyntaxException {
        enter();
        UnaryOperator operator = switch (lexer.peek().kind()) {
            case MINUS -> UnaryOperator.MINUS;
            case PLUS -> UnaryOperator.PLUS;
            case BITWISE_NOT -> UnaryOperator.BITWISE_NOT;
            case LOGICAL_NOT -> UnaryOperator.LOGICAL_NOT;
            default -> null;
        };
        Expr result;
        if (operator == null) {
            result = postfix();
        } else {
            lexer.next();
            result = new Expr.Unary(operator, unary());
        }
        depth--;
        return result;
    }

    // Postfix ::= Primary | Postfix '.' Identifier | Postfix '[' Expression ']' | Postfix '?:' Postfix
    private Expr postfix() throws ClassAdSyntaxException {
        enter();
        Expr result = primary();
        while (true) {
            Token.Kind kind = lexer.peek().kind();
            if (kind == Token.Kind.OPEN_BOX) {
                lexer.next();
                Expr index = expression();
                expect(Token.Kind.CLOSE_BOX, "']' after the subscript");
                result = new Expr.Subscript(result, index);
            } else if (kind == Token.Kind.ELVIS) {
                lexer.next();
                result = new Expr.Binary(BinaryOperator.ELVIS, result, postfix());
            } else if (kind == Token.Kind.SELECTION) {
                lexer.next();
                Token name = expect(Token.Kind.IDENTIFIER, "an attribute name after '.'");
                result = new Expr.AttributeReference(result, name.text(), false);
            } else {
                depth--;
                return result;
            }
        }
    }

    private Expr primary() throws ClassAdSyntaxException {
        Token token = lexer.peek();
        switch (token.kind()) {
            case IDENTIFIER -> {
                lexer.next();
                if (lexer.peek().kind() == Token.Kind.OPEN_PAREN) {
                    return new Expr.FunctionCall(token.text(), arguments());
                }
                return new Expr.AttributeReference(null, token.text(), false);
            }
            case SELECTION -> {
                lexer.next();
                Token name = expect(Token.Kind.IDENTIFIER, "an attribute name after '.'");
                return new Expr.AttributeReference(null, name.text(), true);
            }
            case OPEN_PAREN -> {
                lexer.next();
                Expr inner = expression();
                expect(Token.Kind.CLOSE_PAREN, "')'");
                return new Expr.Parenthesized(inner);
            }
            case OPEN_BOX -> {
                return nestedAd();
            }
            case OPEN_BRACE -> {
                return list();
            }
            case INTEGER, REAL, BOOLEAN, STRING, UNDEFINED, ERROR -> {
                lexer.next();
                return new Expr.Literal(token.value());
            }
            default -> throw unexpected(token, "an expression");
        }
    }

    // '(' [ Expression { (',' | ';') Expression } ] ')'   (';' is accepted under old semantics)
    private List<Expr> arguments() throws ClassAdSyntaxException {
        lexer.next();
        List<Expr> arguments = new ArrayList<>();
        // As in HTCondor, the separator is not re-examined before the next argument: "f(1,)" is an error.
        Token.Kind kind = lexer.peek().kind();
        while (kind != Token.Kind.CLOSE_PAREN) {
            arguments.add(expression());
            kind = lexer.peek().kind();
            if (kind == Token.Kind.COMMA || kind == Token.Kind.SEMICOLON) {
                lexer.next();
            } else if (kind != Token.Kind.CLOSE_PAREN) {
                throw unexpected(lexer.peek(), "',' or ')' in the argument list");
            }
        }
        lexer.next();
        return arguments;
    }

    // '{' [ Expression { ',' Expression } ] '}'
    private Expr list() throws ClassAdSyntaxException {
        lexer.next();
        List<Expr> elements = new ArrayList<>();
        Token.Kind kind = lexer.peek().kind();
        while (kind != Token.Kind.CLOSE_BRACE) {
            elements.add(expression());
            kind = lexer.peek().kind();
            if (kind == Token.Kind.COMMA) {
                lexer.next();
            } else if (kind != Token.Kind.CLOSE_BRACE) {
                throw unexpected(lexer.peek(), "',' or '}' in the list");
            }
        }
        lexer.next();
        return new Expr.ListExpr(elements);
    }

    // '[' { Name '=' Expression ';' } ']' with empty entries (extra ';') tolerated
    private Expr nestedAd() throws ClassAdSyntaxException {
        lexer.next();
        ClassAd.Builder ad = ClassAd.builder();
        Token.Kind kind = lexer.peek().kind();
        while (kind != Token.Kind.CLOSE_BOX) {
            Token name = lexer.next();
            if (name.kind() == Token.Kind.SEMICOLON) {
                continue; // HTCondor re-tests the ';' it saw, so the next token is read as a name: "[;]" fails
            }
            if (name.kind() != Token.Kind.IDENTIFIER) {
                throw unexpected(name, "an attribute name in the nested ad");
            }
            if (name.text().isEmpty()) {
                throw new ClassAdSyntaxException("an attribute name cannot be empty", name.position());
            }
            expect(Token.Kind.BOUND_TO, "'=' after the attribute name");
            ad.set(name.text(), expression());
            kind = lexer.peek().kind();
            if (kind != Token.Kind.SEMICOLON && kind != Token.Kind.CLOSE_BOX) {
                throw unexpected(lexer.peek(), "';' or ']' in the nested ad");
            }
            while (kind == Token.Kind.SEMICOLON) {
                lexer.next();
                kind = lexer.peek().kind();
            }
        }
        lexer.next();
        return ad.build();
    }

    private void enter() throws ClassAdSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw new ClassAdSyntaxException("expression nested deeper than " + MAX_DEPTH + " levels",
                    lexer.peek().position());
        }
    }

    private Token expect(Token.Kind kind, String what) throws ClassAdSyntaxException {
        Token token = lexer.next();
        if (token.kind() != kind) {
            throw unexpected(token, what);
        }
        return token;
    }

    private static ClassAdSyntaxException unexpected(Token token, String expected) {
        return new ClassAdSyntaxException("expected " + expected + " but found " + token.describe(), token.position());
    }
}
