package org.jcedar.classad;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The attribute list HTCondor sends when a query asks for a projection (putClassAd with a whitelist,
 * classad_oldnew.cpp): the listed attributes that exist in the ad, plus the attributes their expressions
 * refer to inside the same ad (ClassAd::GetInternalReferences), transitively. The set is sorted
 * case-insensitively and keeps the first spelling it was given (the projection's, then the reference's).
 *
 * <p>Internal references are unscoped names, absolute names and {@code MY.name} that the ad defines.
 * Names selected from any other ad ({@code TARGET.x}, {@code nested.x}) are not followed. A circular
 * reference stops the expansion of that listed attribute where HTCondor's stops (it runs out of depth).
 */
public final class Projection {
    private static final int MAX_DEPTH = 400;

    private final ClassAd ad;
    private final SortedSet<String> names = new TreeSet<>(AttributeNames.CASE_INSENSITIVE_ORDER);
    private final Set<String> onPath = new HashSet<>();
    private final Set<String> expanded = new HashSet<>();

    private Projection(ClassAd ad) {
        this.ad = ad;
    }

    public static SortedSet<String> expand(ClassAd ad, Collection<String> attributes) {
        SortedSet<String> requested = new TreeSet<>(AttributeNames.CASE_INSENSITIVE_ORDER);
        requested.addAll(attributes);
        Projection projection = new Projection(ad);
        for (String name : requested) {
            Expr expr = ad.lookup(name).orElse(null);
            if (expr != null) {
                projection.names.add(name);
                projection.onPath.clear();
                projection.follow(name, expr, 0);
            }
        }
        return projection.names;
    }

    /** Walks the expression of attribute {@code name}; false when the walk had to stop. */
    private boolean follow(String name, Expr expr, int depth) {
        String folded = AttributeNames.fold(name);
        if (expanded.contains(folded)) {
            return true;
        }
        if (onPath.contains(folded) || depth >= MAX_DEPTH) {
            return false;
        }
        onPath.add(folded);
        boolean complete = walk(expr, false, depth);
        onPath.remove(folded);
        if (complete) {
            expanded.add(folded);
        }
        return complete;
    }

    private boolean walk(Expr expr, boolean asSelectionScope, int depth) {
        if (expr instanceof Expr.AttributeReference reference) {
            if (reference.scope() == null) {
                return internal(reference.name(), depth);
            }
            if (reference.scope() instanceof Expr.AttributeReference scope && scope.scope() == null
                    && !scope.absolute() && AttributeNames.equal(scope.name(), "MY") && !ad.contains(scope.name())) {
                return internal(reference.name(), depth);
            }
            return walk(reference.scope(), true, depth);
        }
        if (expr instanceof Expr.Unary unary) {
            return walk(unary.operand(), false, depth);
        }
        if (expr instanceof Expr.Binary binary) {
            return walk(binary.left(), false, depth) && walk(binary.right(), false, depth);
        }
        if (expr instanceof Expr.Conditional conditional) {
            return walk(conditional.condition(), false, depth) && walk(conditional.ifTrue(), false, depth)
                    && walk(conditional.ifFalse(), false, depth);
        }
        if (expr instanceof Expr.Parenthesized parenthesized) {
            return walk(parenthesized.inner(), false, depth);
        }
        if (expr instanceof Expr.Subscript subscript) {
            return walk(subscript.base(), false, depth) && walk(subscript.index(), false, depth);
        }
        if (expr instanceof Expr.FunctionCall call) {
            return call.arguments().stream().allMatch(argument -> walk(argument, false, depth));
        }
        if (expr instanceof Expr.ListExpr list) {
            return list.elements().stream().allMatch(element -> walk(element, false, depth));
        }
        if (expr instanceof ClassAd nested && !asSelectionScope) {
            return nested.entries().stream().allMatch(entry -> walk(entry.getValue(), false, depth));
        }
        return true;
    }

    private boolean internal(String name, int depth) {
        Expr expr = ad.lookup(name).orElse(null);
        if (expr == null) {
            return true;
        }
        names.add(name);
        return follow(name, expr, depth + 1);
    }
}
