package org.jcedar.classad;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators for the ClassAd properties: expression trees, ads and text.
 *
 * <p>{@link #printableExpressions()} gives trees shaped as HTCondor's parser builds them (parentheses
 * wherever the precedence needs them) and avoids the three cases where HTCondor's own printed text does
 * not read back as the same tree (see docs/classads.md): a minus sign printed before a number, a selected
 * name that is not a plain identifier, and reals that need 17 significant digits. Strings avoid a final
 * backslash and a quote followed by a newline, which the old syntax cannot express.
 */
public final class ClassAdArbitraries {
    private static final Set<String> RESERVED = Set.of("true", "false", "undefined", "error", "is", "isnt");
    private static final List<String> FUNCTIONS = List.of("strcmp", "stricmp", "toLower", "toUpper", "regexp",
            "substr", "strcat", "size", "member", "stringListMember", "stringListIMember", "isUndefined", "isError",
            "isString", "isInteger", "isReal", "isBoolean", "ifThenElse", "time", "int", "real", "string", "noSuch");

    private ClassAdArbitraries() {
    }

    /** Identifiers that are not reserved words (usable after '.' and as function names). */
    public static Arbitrary<String> identifiers() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('A', 'Z').with('_');
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').withChars('_').ofMaxLength(8);
        return Combinators.combine(first, rest).as((c, s) -> c + s)
                .filter(name -> !RESERVED.contains(AttributeNames.fold(name)));
    }

    /** Any attribute name: plain, reserved (printed quoted) or needing quotes. */
    public static Arbitrary<String> names() {
        Arbitrary<String> quoted = text('\'').filter(s -> !s.isEmpty());
        Arbitrary<String> reserved = Arbitraries.of("TRUE", "parent", "is", "Undefined", "error");
        return Arbitraries.frequencyOf(Tuple.of(6, identifiers()), Tuple.of(1, reserved), Tuple.of(2, quoted));
    }

    /**
     * Names as they travel in wire entries ("Name = value", split at the first '='): no '=', no NUL,
     * no white space at either end.
     */
    public static Arbitrary<String> wireNames() {
        Arbitrary<String> spaced = Arbitraries.strings().withCharRange('!', '~').withChars(' ', 'é')
                .ofMinLength(1).ofMaxLength(10)
                .filter(s -> s.indexOf('=') < 0 && s.strip().equals(s));
        return Arbitraries.oneOf(identifiers(), spaced);
    }

    /** Text that reads back from a quoted literal with the given delimiter in old syntax. */
    static Arbitrary<String> text(char delimiter) {
        return Arbitraries.strings()
                .withChars("ab Z09_.,;:=!?[]{}()+-*/<>'\"\\\n\t#é€")
                .withCharRange((char) 0x20, (char) 0x7E)
                .ofMaxLength(12)
                .filter(s -> !s.endsWith("\\") && !s.contains(delimiter + "\n"));
    }

    /** Reals that 16 significant digits print exactly: at most 15 significant digits. */
    static Arbitrary<Double> reals() {
        Arbitrary<Long> mantissa = Arbitraries.longs().between(-999_999_999_999_999L, 999_999_999_999_999L);
        Arbitrary<Integer> exponent = Arbitraries.integers().between(-280, 280);
        Arbitrary<Double> finite = Combinators.combine(mantissa, exponent)
                .as((m, e) -> new BigDecimal(m).scaleByPowerOfTen(e).doubleValue());
        return Arbitraries.oneOf(finite, Arbitraries.of(0.0, -0.0, 1.0, 2.5, 1e16, 1e-5, 123.456));
    }

    static Arbitrary<Expr> literals() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Expr::literal),
                Arbitraries.of(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE).map(Expr::literal),
                reals().map(Expr::literal),
                text('"').map(Expr::literal),
                Arbitraries.of(true, false).map(Expr::literal),
                Arbitraries.of(Value.UNDEFINED, Value.ERROR).map(Expr.Literal::new));
    }

    static Arbitrary<Expr> references() {
        return Combinators.combine(names(), Arbitraries.of(false, false, true))
                .as((name, absolute) -> new Expr.AttributeReference(null, name, absolute));
    }

    /** Expression trees of any shape (not necessarily printable): for the evaluator. */
    public static Arbitrary<Expr> anyExpressions() {
        return Arbitraries.recursive(() -> Arbitraries.oneOf(literals(), references()),
                ClassAdArbitraries::compound, 0, 4);
    }

    /** Expression trees that print and read back as themselves. */
    public static Arbitrary<Expr> printableExpressions() {
        return anyExpressions().map(expr -> shape(expr, 0));
    }

    private static Arbitrary<Expr> compound(Arbitrary<Expr> inner) {
        Arbitrary<List<Expr>> few = inner.list().ofMaxSize(3);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(UnaryOperator.class), inner).as(Expr.Unary::new),
                Combinators.combine(Arbitraries.of(BinaryOperator.class), inner, inner).as(Expr.Binary::new),
                Combinators.combine(inner, inner, inner).as(Expr.Conditional::new),
                inner.map(Expr.Parenthesized::new),
                Combinators.combine(inner, inner).as(Expr.Subscript::new),
                Combinators.combine(inner, identifiers()).as((scope, name) -> new Expr.AttributeReference(scope, name, false)),
                Combinators.combine(Arbitraries.of(FUNCTIONS), few).as(Expr.FunctionCall::new),
                few.map(Expr.ListExpr::new),
                Combinators.combine(names().list().ofMaxSize(3), few).as(ClassAdArbitraries::nestedAd));
    }

    private static Expr nestedAd(List<String> names, List<Expr> values) {
        ClassAd.Builder builder = ClassAd.builder();
        for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
            builder.set(names.get(i), values.get(i));
        }
        return builder.build();
    }

    /** Top-level ads whose values refer to each other (and to themselves) by name. */
    public static Arbitrary<ClassAd> ads(Arbitrary<Expr> values) {
        Arbitrary<String> adNames = Arbitraries.of("A", "b", "Name", "MY", "Target", "x_1", "Ref", "L");
        Arbitrary<Expr> withReferences = Arbitraries.oneOf(values,
                adNames.map(Expr::reference),
                Combinators.combine(adNames, adNames).as((a, b) ->
                        new Expr.Binary(BinaryOperator.PLUS, Expr.reference(a), Expr.reference(b))));
        return Combinators.combine(adNames.list().ofMaxSize(6), withReferences.list().ofSize(6))
                .as(ClassAdArbitraries::topLevelAd);
    }

    private static ClassAd topLevelAd(List<String> names, List<Expr> values) {
        ClassAd.Builder builder = ClassAd.builder();
        for (int i = 0; i < names.size(); i++) {
            builder.set(names.get(i), values.get(i));
        }
        return builder.build();
    }

    /** HTCondor's parse-tree shape: a child whose precedence is too low for its place gets parentheses. */
    static Expr shape(Expr expr, int requiredLevel) {
        Expr shaped = shapeChildren(expr);
        return level(shaped) < requiredLevel ? new Expr.Parenthesized(shaped) : shaped;
    }

    private static Expr shapeChildren(Expr expr) {
        if (expr instanceof Expr.Conditional c) {
            return new Expr.Conditional(shape(c.condition(), 1), shape(c.ifTrue(), 0), shape(c.ifFalse(), 0));
        }
        if (expr instanceof Expr.Binary b) {
            if (b.operator() == BinaryOperator.ELVIS) {
                return new Expr.Binary(b.operator(), shape(b.left(), 13), shape(b.right(), 12));
            }
            int level = level(b);
            return new Expr.Binary(b.operator(), shape(b.left(), level), shape(b.right(), level + 1));
        }
        if (expr instanceof Expr.Unary u) {
            Expr operand = shape(u.operand(), 11);
            // " -5[0]" would read back as the literal -5 subscripted
            boolean number = CStrings.isDigit(ClassAdPrinter.print(operand).charAt(0));
            return new Expr.Unary(u.operator(), number && u.operator() == UnaryOperator.MINUS
                    ? new Expr.Parenthesized(operand) : operand);
        }
        if (expr instanceof Expr.Subscript s) {
            return new Expr.Subscript(shape(s.base(), 13), shape(s.index(), 0));
        }
        if (expr instanceof Expr.AttributeReference r && r.scope() != null) {
            Expr scope = shape(r.scope(), 13);
            boolean integer = scope instanceof Expr.Literal l && l.value() instanceof Value.IntegerValue;
            return new Expr.AttributeReference(integer ? new Expr.Parenthesized(scope) : scope, r.name(), false);
        }
        if (expr instanceof Expr.Parenthesized p) {
            return new Expr.Parenthesized(shape(p.inner(), 0));
        }
        if (expr instanceof Expr.FunctionCall f) {
            return new Expr.FunctionCall(f.name(), f.arguments().stream().map(a -> shape(a, 0)).toList());
        }
        if (expr instanceof Expr.ListExpr l) {
            return new Expr.ListExpr(l.elements().stream().map(e -> shape(e, 0)).toList());
        }
        if (expr instanceof ClassAd ad) {
            ClassAd.Builder builder = ClassAd.builder();
            ad.entries().forEach(entry -> builder.set(entry.getKey(), shape(entry.getValue(), 0)));
            return builder.build();
        }
        return expr;
    }

    /** Precedence as the parser's levels: 0 conditional, 1 || ... 10 * / %, 11 unary, 12 ?:, 13 postfix and primary. */
    private static int level(Expr expr) {
        if (expr instanceof Expr.Conditional) {
            return 0;
        }
        if (expr instanceof Expr.Unary) {
            return 11;
        }
        if (expr instanceof Expr.Binary b) {
            return switch (b.operator()) {
                case LOGICAL_OR -> 1;
                case LOGICAL_AND -> 2;
                case BITWISE_OR -> 3;
                case BITWISE_XOR -> 4;
                case BITWISE_AND -> 5;
                case EQUAL, NOT_EQUAL, META_EQUAL, META_NOT_EQUAL -> 6;
                case LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL -> 7;
                case LEFT_SHIFT, RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT -> 8;
                case PLUS, MINUS -> 9;
                case TIMES, DIVIDE, MODULUS -> 10;
                case ELVIS -> 12;
            };
        }
        return 13;
    }

    /** Text near the ClassAd syntax: seeds with characters inserted, deleted and replaced. */
    public static Arbitrary<String> mutatedText(List<String> seeds) {
        Arbitrary<Character> interesting = Arbitraries.of('"', '\'', '\\', '[', ']', '{', '}', '(', ')', '.', '-',
                '=', '?', ':', ';', ',', '/', '*', '!', '<', '>', '&', '|', '0', '9', 'e', 'x', ' ', '\n', '\0', 'é');
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1000), interesting).as(Edit::new);
        return Combinators.combine(Arbitraries.of(seeds), edit.list().ofMinSize(1).ofMaxSize(6))
                .as((seed, edits) -> {
                    StringBuilder text = new StringBuilder(seed);
                    edits.forEach(e -> e.applyTo(text));
                    return text.toString();
                });
    }

    /** Insert (0), delete (1) or replace (2) one character. */
    private record Edit(int kind, int position, char character) {
        void applyTo(StringBuilder text) {
            int at = position % (text.length() + 1);
            if (kind == 0) {
                text.insert(at, character);
            } else if (at < text.length()) {
                if (kind == 1) {
                    text.deleteCharAt(at);
                } else {
                    text.setCharAt(at, character);
                }
            }
        }
    }

    /** The capture entries and the oracle corpus, as seeds for mutation. */
    public static List<String> seedTexts() {
        List<String> seeds = new ArrayList<>();
        CapturedClassAds.all().forEach(ad -> seeds.addAll(ad.entries()));
        seeds.addAll(OracleCorpus.expressions());
        return seeds;
    }
}
