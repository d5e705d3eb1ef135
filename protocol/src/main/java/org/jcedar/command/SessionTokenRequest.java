package org.jcedar.command;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jcedar.classad.ClassAd;
import org.jcedar.config.ConfigLiterals;

/**
 * DC_GET_SESSION_TOKEN's request ad (30 §3.2): the authorizations the token should be limited to, its lifetime
 * (sent only when positive) and the signing key asked for.
 */
public record SessionTokenRequest(List<String> authorizations, OptionalLong lifetime, Optional<String> requestedKey) {

    public SessionTokenRequest {
        authorizations = List.copyOf(authorizations);
    }

    public ClassAd toAd() {
        ClassAd.Builder ad = ClassAd.builder();
        if (!authorizations.isEmpty()) {
            ad.set("LimitAuthorization", String.join(",", authorizations));
        }
        if (lifetime.isPresent() && lifetime.getAsLong() > 0) {
            ad.set("TokenLifetime", lifetime.getAsLong());
        }
        requestedKey.ifPresent(k -> ad.set("RequestedKey", k));
        return ad.build();
    }

    public static SessionTokenRequest fromAd(ClassAd ad) {
        List<String> authz = ConfigLiterals.listItems(ad.getString("LimitAuthorization").orElse(""));
        OptionalLong lifetime = ad.getInteger("TokenLifetime").map(OptionalLong::of).orElse(OptionalLong.empty());
        return new SessionTokenRequest(authz, lifetime, ad.getString("RequestedKey"));
    }
}
