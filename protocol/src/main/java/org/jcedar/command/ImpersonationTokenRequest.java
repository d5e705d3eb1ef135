package org.jcedar.command;

import java.util.List;
import java.util.OptionalLong;
import org.jcedar.classad.ClassAd;

/**
 * IMPERSONATION_TOKEN_REQUEST's request ad (30 §6.4, DCCollector::requestScheddToken): a tool asks the collector
 * to have the named schedd sign a token for the tool's identity. The collector answers like DC_GET_SESSION_TOKEN:
 * {@code Token}, or {@code ErrorString} and {@code ErrorCode} ({@link SessionTokenReply}).
 *
 * @param authorizations the scope asked for, sent joined with ',' when not empty
 * @param lifetime       seconds, sent when present and not negative (0 included, unlike DC_GET_SESSION_TOKEN)
 * @param scheddName     the schedd that should sign
 */
public record ImpersonationTokenRequest(List<String> authorizations, OptionalLong lifetime, String scheddName) {

    public ImpersonationTokenRequest {
        authorizations = List.copyOf(authorizations);
    }

    public ClassAd toAd() {
        ClassAd.Builder ad = ClassAd.builder();
        if (!authorizations.isEmpty()) {
            ad.set("LimitAuthorization", String.join(",", authorizations));
        }
        if (lifetime.isPresent() && lifetime.getAsLong() >= 0) {
            ad.set("TokenLifetime", lifetime.getAsLong());
        }
        return ad.set("Name", scheddName).build();
    }
}
