package org.jcedar.security.method.token;

import java.util.Map;
import java.util.Optional;
import org.jcedar.classad.ClassAd;
import org.jcedar.classad.ClassAdParser;
import org.jcedar.classad.ClassAdSyntaxException;
import org.jcedar.classad.Evaluator;
import org.jcedar.classad.Expr;
import org.jcedar.classad.Value;

/**
 * SEC_TOKEN_REVOCATION_EXPR (formerly SEC_TOKEN_BLACKLIST_EXPR), 30 §2.5: an expression over a token's claims;
 * the token is revoked when it is true - and also when it is neither true nor false (e.g. UNDEFINED because the
 * token lacks a claim it names), as HTCondor decides. Each claim that is a boolean, integer, real or string is an
 * attribute of the same name; lists and objects are left out. An expression that does not parse revokes nothing,
 * as HTCondor ignores it.
 */
public final class TokenRevocation {
    private final Optional<Expr> expression;

    private TokenRevocation(Optional<Expr> expression) {
        this.expression = expression;
    }

    /** @param expression the knob's value, if set */
    public static TokenRevocation of(Optional<String> expression) {
        if (expression.isEmpty() || expression.get().isBlank()) {
            return new TokenRevocation(Optional.empty());
        }
        try {
            return new TokenRevocation(Optional.of(ClassAdParser.parseCompleteExpression(expression.get())));
        } catch (ClassAdSyntaxException e) {
            return new TokenRevocation(Optional.empty());
        }
    }

    public static TokenRevocation none() {
        return new TokenRevocation(Optional.empty());
    }

    public boolean revokes(Map<String, Object> claims) {
        if (expression.isEmpty()) {
            return false;
        }
        ClassAd.Builder ad = ClassAd.builder();
        for (Map.Entry<String, Object> claim : claims.entrySet()) {
            Object value = claim.getValue();
            if (claim.getKey().isEmpty()) {
                continue;
            }
            if (value instanceof Boolean b) {
                ad.set(claim.getKey(), b);
            } else if (value instanceof Long l) {
                ad.set(claim.getKey(), l);
            } else if (value instanceof Double d) {
                ad.set(claim.getKey(), Expr.literal(d));
            } else if (value instanceof String s) {
                ad.set(claim.getKey(), s);
            }
        }
        Value result = Evaluator.evaluate(expression.get(), ad.build(), null);
        boolean isFalse = result instanceof Value.BooleanValue b && !b.value()
                || result instanceof Value.IntegerValue i && i.value() == 0
                || result instanceof Value.RealValue r && r.value() == 0.0;
        return !isFalse;
    }
}
