package org.jcedar.classad;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates expressions with HTCondor's old ClassAd semantics (the semantics daemons run with): three-valued
 * logic with UNDEFINED and ERROR, case-insensitive {@code ==} on strings, strict and non-strict operators
 * and short circuits as in operators.cpp, attribute lookup through enclosing ads as in attrrefs.cpp.
 *
 * <p>With a target ad the evaluation is a match, as for matchmaking or INVALIDATE: {@code TARGET} is the
 * target ad and an unscoped name missing from MY is looked up in the target. Without one (a collector
 * query), {@code TARGET.x} is UNDEFINED.
 *
 * <p>Evaluation is total: it returns a value for every expression and never loops. An attribute that
 * refers to itself evaluates to UNDEFINED (as HTCondor 25 does); more than 400 levels of operators and
 * references, or more than ten million evaluation steps, give ERROR (HTCondor's evaluation fails there).
 */
public final class Evaluator {
    /** HTCondor's MAX_CLASSAD_RECURSION, shared by operators and attribute references. */
    private static final int MAX_DEPTH = 400;
    /** HTCondor's MAX_CLASSAD_EVAL_STEPS: bounds the total work of one evaluation. */
    private static final long MAX_STEPS = 10_000_000;
    /** Any node, including calls and lists (which HTCondor does not count): keeps the Java stack safe. */
    private static final int MAX_NESTING = 1_000;
    /** Longest string an evaluation may build; HTCondor has no limit, we bound the allocation. */
    static final int MAX_STRING_LENGTH = 10_000_000;

    private final Clock clock;
    private final boolean match;
    private int depthRemaining = MAX_DEPTH;
    private long steps;
    private int nesting;
    /** Attributes being evaluated, by ad (identity) and folded name: meeting one again is a circular reference. */
    private final Map<ClassAd, Set<String>> active = new IdentityHashMap<>();

    /** Thrown when a limit is hit: the whole evaluation fails, as HTCondor's returns false. */
    private static final class EvaluationFailed extends RuntimeException {
        EvaluationFailed() {
            super("evaluation limit exceeded", null, false, false);
        }
    }

    private Evaluator(Clock clock, boolean match) {
        this.clock = clock;
        this.match = match;
    }

    /** The value of {@code expr} in {@code my}, with {@code target} as the target ad when not null. */
    public static Value evaluate(Expr expr, ClassAd my, ClassAd target) {
        return evaluate(expr, my, target, Clock.systemUTC());
    }

    /** As {@link #evaluate(Expr, ClassAd, ClassAd)}, with the clock that time() and CurrentTime read. */
    public static Value evaluate(Expr expr, ClassAd my, ClassAd target, Clock clock) {
        Evaluator evaluator = new Evaluator(clock, target != null && target != my);
        return evaluator.run(() -> evaluator.eval(expr, evaluator.topScope(my, target)));
    }

    /**
     * The collector's filter rule: true only when the expression evaluates to boolean true or to a
     * non-zero number (UNDEFINED, ERROR and everything else do not match).
     */
    public static boolean matches(Expr requirements, ClassAd my, ClassAd target) {
        Value value = evaluate(requirements, my, target);
        Boolean truth = booleanEquivalent(value);
        return truth != null && truth;
    }

    /** The attribute {@code name} of {@code ad} (UNDEFINED when absent), evaluated as an attribute. */
    static Value evaluateAttribute(ClassAd ad, String name, ClassAd target) {
        Evaluator evaluator = new Evaluator(Clock.systemUTC(), target != null && target != ad);
        return evaluator.run(() -> evaluator.lookup(evaluator.topScope(ad, target), name, true));
    }

    private Scope topScope(ClassAd my, ClassAd target) {
        return match ? Scope.match(my, target)[0] : Scope.top(my);
    }

    private interface Evaluation {
        Value run();
    }

    private Value run(Evaluation evaluation) {
        try {
            return evaluation.run();
        } catch (EvaluationFailed | StackOverflowError e) {
            // A stack overflow can only come from a tree built through the API deeper than the nesting
            // limit allows for; the evaluation has no side effects, so failing it is safe.
            return Value.ERROR;
        }
    }

    long now() {
        return clock.millis() / 1000;
    }

    Value eval(Expr expr, Scope scope) {
        if (++steps > MAX_STEPS || nesting >= MAX_NESTING) {
            throw new EvaluationFailed();
        }
        nesting++;
        try {
            if (expr instanceof Expr.Literal literal) {
                return literal.value();
            }
            if (expr instanceof Expr.AttributeReference reference) {
                return reference(reference, scope);
            }
            if (expr instanceof Expr.FunctionCall call) {
                return BuiltinFunctions.call(this, call, scope);
            }
            if (expr instanceof Expr.ListExpr list) {
                return new Value.ListValue(list.elements(), scope);
            }
            if (expr instanceof ClassAd ad) {
                return new Value.ClassAdValue(ad, scope.nested(ad));
            }
            return operation(expr, scope);
        } finally {
            nesting--;
        }
    }

    /** Operators, parentheses, subscripts and conditionals: the nodes HTCondor counts against its depth. */
    private Value operation(Expr expr, Scope scope) {
        if (--depthRemaining < 0) {
            throw new EvaluationFailed();
        }
        try {
            if (expr instanceof Expr.Parenthesized parenthesized) {
                return eval(parenthesized.inner(), scope);
            }
            if (expr instanceof Expr.Unary unary) {
                return Operators.unary(unary.operator(), eval(unary.operand(), scope));
            }
            if (expr instanceof Expr.Binary binary) {
                return binary(binary, scope);
            }
            if (expr instanceof Expr.Conditional conditional) {
                return conditional(conditional, scope);
            }
            Expr.Subscript subscript = (Expr.Subscript) expr;
            return subscript(eval(subscript.base(), scope), eval(subscript.index(), scope));
        } finally {
            depthRemaining++;
        }
    }

    private Value binary(Expr.Binary binary, Scope scope) {
        Value left = eval(binary.left(), scope);
        switch (binary.operator()) {
            case LOGICAL_OR -> {
                Boolean truth = booleanEquivalent(left);
                if ((truth != null && truth) || left instanceof Value.ErrorValue) {
                    return truth != null ? Value.of(true) : Value.ERROR;
                }
            }
            case LOGICAL_AND -> {
                Boolean truth = booleanEquivalent(left);
                if ((truth != null && !truth) || left instanceof Value.ErrorValue) {
                    return truth != null ? Value.of(false) : Value.ERROR;
                }
            }
            case ELVIS -> {
                if (!(left instanceof Value.UndefinedValue)) {
                    return left;
                }
            }
            default -> {
                // strict and comparison operators evaluate both sides
            }
        }
        return Operators.binary(binary.operator(), left, eval(binary.right(), scope));
    }

    private Value conditional(Expr.Conditional conditional, Scope scope) {
        Value condition = eval(conditional.condition(), scope);
        if (condition instanceof Value.UndefinedValue) {
            return Value.UNDEFINED;
        }
        Boolean truth = booleanEquivalent(condition);
        if (truth == null) {
            return Value.ERROR;
        }
        return eval(truth ? conditional.ifTrue() : conditional.ifFalse(), scope);
    }

    /** {@code list[integer]} or {@code ad["name"]} (strict in both operands). */
    private Value subscript(Value base, Value index) {
        if (base instanceof Value.ErrorValue || index instanceof Value.ErrorValue) {
            return Value.ERROR;
        }
        if (base instanceof Value.UndefinedValue || index instanceof Value.UndefinedValue) {
            return Value.UNDEFINED;
        }
        if (base instanceof Value.ClassAdValue ad && index instanceof Value.StringValue name) {
            Scope adScope = adScope(ad);
            String folded = AttributeNames.fold(name.value());
            Expr expr = ad.ad().lookupFolded(folded);
            return expr == null ? Value.UNDEFINED : attribute(adScope, folded, expr);
        }
        if (base instanceof Value.ListValue list && index instanceof Value.IntegerValue position) {
            int i = (int) position.value(); // HTCondor reads the index into a C int
            if (i < 0 || i >= list.elements().size()) {
                return Value.ERROR;
            }
            return element(list, i);
        }
        return Value.ERROR;
    }

    /** A list element, evaluated in the scope the list was written in. */
    Value element(Value.ListValue list, int index) {
        Scope scope = list.scope();
        Expr element = list.elements().get(index);
        return scope == null ? evaluateDetached(element) : eval(element, scope);
    }

    /** An expression that belongs to no ad (a list or ad value built through the API). */
    private Value evaluateDetached(Expr expr) {
        return eval(expr, Scope.top(ClassAd.empty()));
    }

    private Scope adScope(Value.ClassAdValue ad) {
        return ad.scope() != null ? ad.scope() : Scope.top(ad.ad());
    }

    private Value reference(Expr.AttributeReference reference, Scope scope) {
        if (reference.scope() == null) {
            if (!reference.absolute()) {
                return lookup(scope, reference.name(), true);
            }
            // ".name" looks in the outermost ad; in a match that is HTCondor's match ad, which holds none
            // of the ads' attributes.
            return match ? Value.UNDEFINED : lookup(scope.outermost(), reference.name(), false);
        }
        if (depthRemaining <= 0) {
            return Value.ERROR; // HTCondor answers ERROR here rather than failing the evaluation
        }
        depthRemaining--;
        Value base;
        try {
            base = eval(reference.scope(), scope);
        } finally {
            depthRemaining++;
        }
        if (base instanceof Value.UndefinedValue) {
            return Value.UNDEFINED;
        }
        if (base instanceof Value.ClassAdValue ad) {
            return lookup(adScope(ad), reference.name(), false);
        }
        if (base instanceof Value.ListValue list) {
            return project(list, reference.name(), scope);
        }
        return Value.ERROR;
    }

    /** {@code list.name}: the attribute selected from every element, as a list of the results. */
    private Value project(Value.ListValue list, String name, Scope scope) {
        Scope elementScope = list.scope() != null ? list.scope() : scope;
        List<Expr> results = new ArrayList<>(list.elements().size());
        for (Expr element : list.elements()) {
            Value value = reference(new Expr.AttributeReference(element, name, false), elementScope);
            results.add(value.toExpr());
        }
        return new Value.ListValue(results, null);
    }

    /**
     * An unscoped name, searched from {@code start} outwards (ClassAd::LookupInScope). Where a level does
     * not define the name, the special names of old semantics answer: MY (and SELF) is that ad, PARENT
     * the enclosing one, CurrentTime is time(). In a match, TARGET (and OTHER) is the other ad, and an
     * unscoped name missing from a top-level ad is looked up in the other ad (HTCondor's alternate scope).
     */
    Value lookup(Scope start, String name, boolean unscoped) {
        String folded = AttributeNames.fold(name);
        for (Scope scope = start; scope != null; scope = scope.parent()) {
            Expr expr = scope.ad().lookupFolded(folded);
            if (expr != null) {
                return attribute(scope, folded, expr);
            }
            switch (folded) {
                case "my", "self" -> {
                    return new Value.ClassAdValue(scope.ad(), scope);
                }
                case "parent" -> {
                    Scope parent = scope.parent();
                    return parent == null ? Value.UNDEFINED : new Value.ClassAdValue(parent.ad(), parent);
                }
                case "toplevel", "root" -> {
                    Scope top = scope.outermost();
                    return match ? Value.UNDEFINED : new Value.ClassAdValue(top.ad(), top);
                }
                case "currenttime" -> {
                    return Value.of(now());
                }
                default -> {
                    // keep searching the enclosing ad
                }
            }
        }
        Scope top = start.outermost();
        Scope other = top.counterpart();
        if (other == null) {
            return Value.UNDEFINED;
        }
        switch (folded) {
            case "target", "other" -> {
                return new Value.ClassAdValue(other.ad(), other);
            }
            case "ad" -> {
                return new Value.ClassAdValue(top.ad(), top);
            }
            default -> {
                return unscoped && start == top ? lookup(other, name, false) : Value.UNDEFINED;
            }
        }
    }

    /** The value of an attribute found in {@code scope}; a circular reference is UNDEFINED. */
    private Value attribute(Scope scope, String foldedName, Expr expr) {
        if (depthRemaining <= 0) {
            throw new EvaluationFailed();
        }
        Set<String> activeInAd = active.computeIfAbsent(scope.ad(), ad -> new HashSet<>());
        if (!activeInAd.add(foldedName)) {
            return Value.UNDEFINED;
        }
        depthRemaining--;
        try {
            return eval(expr, scope);
        } finally {
            depthRemaining++;
            activeInAd.remove(foldedName);
        }
    }

    /** A boolean, or a number taken as one (non-zero is true); null for any other value. */
    static Boolean booleanEquivalent(Value value) {
        if (value instanceof Value.BooleanValue b) {
            return b.value();
        }
        if (value instanceof Value.IntegerValue i) {
            return i.value() != 0;
        }
        if (value instanceof Value.RealValue r) {
            return r.value() != 0.0;
        }
        return null;
    }
}
