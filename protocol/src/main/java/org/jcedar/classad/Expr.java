package org.jcedar.classad;

import java.util.List;
import java.util.Objects;

/**
 * An immutable ClassAd expression tree, shaped as HTCondor's parser builds it: parentheses are kept as
 * nodes (the printer writes them back), {@code MY.Name} is a reference to {@code Name} selected from the
 * reference {@code MY}, and a nested ad {@code [ a = 1 ]} is a {@link ClassAd}.
 */
public sealed interface Expr permits Expr.Literal, Expr.AttributeReference, Expr.Unary, Expr.Binary,
        Expr.Conditional, Expr.Parenthesized, Expr.Subscript, Expr.FunctionCall, Expr.ListExpr, ClassAd {

    static Expr literal(long value) {
        return new Literal(Value.of(value));
    }

    static Expr literal(double value) {
        return new Literal(Value.of(value));
    }

    static Expr literal(String value) {
        return new Literal(Value.of(value));
    }

    static Expr literal(boolean value) {
        return new Literal(Value.of(value));
    }

    /** An unscoped reference to an attribute. */
    static Expr reference(String name) {
        return new AttributeReference(null, name, false);
    }

    /** A constant: integer, real, string, boolean, undefined or error (lists and ads have their own nodes). */
    record Literal(Value value) implements Expr {
        public Literal {
            Objects.requireNonNull(value, "value");
            if (value instanceof Value.ListValue || value instanceof Value.ClassAdValue) {
                throw new IllegalArgumentException("lists and ads are not literals: use ListExpr or ClassAd");
            }
        }
    }

    /**
     * {@code name} (scope null), {@code .name} (absolute: looked up in the outermost ad) or
     * {@code scope.name} (selection from whatever ad the scope evaluates to).
     */
    record AttributeReference(Expr scope, String name, boolean absolute) implements Expr {
        public AttributeReference {
            Objects.requireNonNull(name, "name");
            if (absolute && scope != null) {
                throw new IllegalArgumentException("an absolute reference has no scope expression");
            }
        }
    }

    record Unary(UnaryOperator operator, Expr operand) implements Expr {
        public Unary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(operand, "operand");
        }
    }

    record Binary(BinaryOperator operator, Expr left, Expr right) implements Expr {
        public Binary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** {@code condition ? ifTrue : ifFalse}. */
    record Conditional(Expr condition, Expr ifTrue, Expr ifFalse) implements Expr {
        public Conditional {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(ifTrue, "ifTrue");
            Objects.requireNonNull(ifFalse, "ifFalse");
        }
    }

    record Parenthesized(Expr inner) implements Expr {
        public Parenthesized {
            Objects.requireNonNull(inner, "inner");
        }
    }

    /** {@code base[index]}: a list element or an ad attribute. */
    record Subscript(Expr base, Expr index) implements Expr {
        public Subscript {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(index, "index");
        }
    }

    /** A call; the name keeps its spelling (function names are case-insensitive). */
    record FunctionCall(String name, List<Expr> arguments) implements Expr {
        public FunctionCall {
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code { e1, e2, ... }}. */
    record ListExpr(List<Expr> elements) implements Expr {
        public ListExpr {
            elements = List.copyOf(elements);
        }
    }
}
