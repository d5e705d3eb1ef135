package org.jcedar.classad;

/**
 * One ad in the chain of ads an attribute reference searches, innermost first: a nested ad, then the ad
 * that encloses it, up to a top-level ad. In a match (an evaluation with a target ad) each top-level ad
 * knows its counterpart, which stands in for HTCondor's match context ("TARGET" and the fallback lookup
 * of unscoped names in the other ad).
 */
final class Scope {
    private final ClassAd ad;
    private final Scope parent;
    private Scope counterpart;

    private Scope(ClassAd ad, Scope parent) {
        this.ad = ad;
        this.parent = parent;
    }

    /** A top-level ad evaluated on its own. */
    static Scope top(ClassAd ad) {
        return new Scope(ad, null);
    }

    /** The top-level scopes of a match: {@code [my, target]}, each the other's counterpart. */
    static Scope[] match(ClassAd my, ClassAd target) {
        Scope myScope = new Scope(my, null);
        Scope targetScope = new Scope(target, null);
        myScope.counterpart = targetScope;
        targetScope.counterpart = myScope;
        return new Scope[] {myScope, targetScope};
    }

    /** The scope of an ad nested in this one. */
    Scope nested(ClassAd nestedAd) {
        return new Scope(nestedAd, this);
    }

    ClassAd ad() {
        return ad;
    }

    /** The enclosing scope, null for a top-level ad. */
    Scope parent() {
        return parent;
    }

    /** For a top-level ad in a match, the other ad's scope; else null. */
    Scope counterpart() {
        return counterpart;
    }

    /** The top-level ad's scope at the end of this chain. */
    Scope outermost() {
        Scope scope = this;
        while (scope.parent != null) {
            scope = scope.parent;
        }
        return scope;
    }
}
