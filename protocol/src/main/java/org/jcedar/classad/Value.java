package org.jcedar.classad;

import java.util.List;
import java.util.Objects;

/**
 * The result of evaluating a ClassAd expression: integer (64-bit), real, string, boolean, undefined, error,
 * list or ad. A list value keeps its elements unevaluated, as HTCondor's does, together with the scope
 * they are evaluated in; an ad value keeps the ad and its enclosing scope (for references to outer ads).
 */
public sealed interface Value {
    Value UNDEFINED = new UndefinedValue();
    Value ERROR = new ErrorValue();

    static Value of(long value) {
        return new IntegerValue(value);
    }

    static Value of(double value) {
        return new RealValue(value);
    }

    static Value of(String value) {
        return new StringValue(value);
    }

    static Value of(boolean value) {
        return new BooleanValue(value);
    }

    /** A list of the given elements, evaluated (when asked for) in no particular ad. */
    static Value list(List<Expr> elements) {
        return new ListValue(elements, null);
    }

    /** An ad value with no enclosing ad. */
    static Value of(ClassAd ad) {
        return new ClassAdValue(ad, null);
    }

    /** The expression that denotes this value (a literal, a list or an ad), as HTCondor prints values. */
    Expr toExpr();

    record IntegerValue(long value) implements Value {
        @Override
        public Expr toExpr() {
            return new Expr.Literal(this);
        }
    }

    record RealValue(double value) implements Value {
        @Override
        public Expr toExpr() {
            return new Expr.Literal(this);
        }
    }

    record StringValue(String value) implements Value {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Expr toExpr() {
            return new Expr.Literal(this);
        }
    }

    record BooleanValue(boolean value) implements Value {
        @Override
        public Expr toExpr() {
            return new Expr.Literal(this);
        }
    }

    record UndefinedValue() implements Value {
        @Override
        public Expr toExpr() {
            return new Expr.Literal(this);
        }
    }

    record ErrorValue() implements Value {
        @Override
        public Expr toExpr() {
            return new Expr.Literal(this);
        }
    }

    /** A list. Equality looks at the elements only, not at the scope they would be evaluated in. */
    final class ListValue implements Value {
        private final List<Expr> elements;
        private final Scope scope;

        ListValue(List<Expr> elements, Scope scope) {
            this.elements = List.copyOf(elements);
            this.scope = scope;
        }

        public List<Expr> elements() {
            return elements;
        }

        Scope scope() {
            return scope;
        }

        @Override
        public Expr toExpr() {
            return new Expr.ListExpr(elements);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ListValue list && list.elements.equals(elements);
        }

        @Override
        public int hashCode() {
            return elements.hashCode();
        }

        @Override
        public String toString() {
            return ClassAdPrinter.print(toExpr());
        }
    }

    /** An ad. Equality looks at the ad only, not at the ads that enclose it. */
    final class ClassAdValue implements Value {
        private final ClassAd ad;
        private final Scope scope;

        ClassAdValue(ClassAd ad, Scope scope) {
            this.ad = Objects.requireNonNull(ad, "ad");
            this.scope = scope;
        }

        public ClassAd ad() {
            return ad;
        }

        /** The scope of the ad's own attributes (its parent is the enclosing scope, if any). */
        Scope scope() {
            return scope;
        }

        @Override
        public Expr toExpr() {
            return ad;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ClassAdValue value && value.ad.equals(ad);
        }

        @Override
        public int hashCode() {
            return ad.hashCode();
        }

        @Override
        public String toString() {
            return ClassAdPrinter.print(ad);
        }
    }
}
