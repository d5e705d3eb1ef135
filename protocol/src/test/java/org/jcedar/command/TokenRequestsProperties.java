package org.jcedar.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jcedar.classad.ClassAd;
import org.jcedar.classad.Expr;
import org.jcedar.keys.ProcessIdentity;
import org.jcedar.keys.SigningKeyStore;

/**
 * Whatever a client puts into its request ads - any type, any value, absurd lifetimes and ids - the workflow
 * answers with an ad and never throws; and however many requests arrive, it holds at most 1001.
 */
class TokenRequestsProperties {
    private static final List<String> NAMES = List.of("ClientId", "User", "LimitAuthorization", "TokenLifetime",
            "RequestId", "Subnet", "Lifetime");
    private static Path keys;

    @BeforeContainer
    static void createKey() throws Exception {
        keys = Files.createTempDirectory("jcedar-token-requests-");
        store().create("POOL", new byte[64]);
    }

    @AfterContainer
    static void removeKey() throws Exception {
        Files.deleteIfExists(keys.resolve("POOL"));
        Files.deleteIfExists(keys);
    }

    @Property(tries = 300)
    void everyCommandAnswersAnyAd(@ForAll("requestAds") List<ClassAd> ads, @ForAll boolean admin) {
        TokenRequests requests = requests();
        TokenRequests.Caller caller = new TokenRequests.Caller("condor@x", "127.0.0.1", Optional.of("FS"), true,
                Optional.empty(), Optional.of(Long.MAX_VALUE), admin);
        for (ClassAd ad : ads) {
            requests.autoApprove(ad);
            requests.start(ad, caller);
            requests.list(ad, caller);
            requests.approve(ad, caller);
            requests.finish(ad);
        }
        if (requests.size() > TokenRequests.MAX_REQUESTS + 1) {
            throw new AssertionError("holds " + requests.size() + " requests");
        }
    }

    @Provide
    Arbitrary<List<ClassAd>> requestAds() {
        Arbitrary<Expr> values = Arbitraries.oneOf(
                Arbitraries.longs().map(Expr::literal),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, -1L, 0L, 9_999_999L).map(Expr::literal),
                Arbitraries.strings().ofMaxLength(20).map(Expr::literal),
                Arbitraries.of("0000001", "-5", "+7", "127.0.0.0/8", "*", "READ,WRITE", "condor@x", "")
                        .map(Expr::literal),
                Arbitraries.of(true, false).map(Expr::literal));
        Arbitrary<ClassAd> ad = Combinators.combine(Arbitraries.of(NAMES).list().ofMaxSize(7),
                values.list().ofSize(7)).as((names, exprs) -> {
                    ClassAd.Builder b = ClassAd.builder();
                    for (int i = 0; i < names.size(); i++) {
                        b.set(names.get(i), exprs.get(i));
                    }
                    return b.build();
                });
        return ad.list().ofMaxSize(20);
    }

    private static TokenRequests requests() {
        SecureRandom random = new SecureRandom();
        return new TokenRequests(new TokenRequests.Settings(true, List.of(), OptionalLong.empty(), 3600,
                Long.MAX_VALUE, 10), new TokenGenerator(store(), "x", "POOL", Clock.systemUTC(), random),
                Clock.systemUTC(), random);
    }

    private static SigningKeyStore store() {
        return new SigningKeyStore(Optional.of(keys), Optional.of(keys.resolve("POOL")), false,
                Pattern.compile(SigningKeyStore.DEFAULT_EXCLUDE_REGEXP), ProcessIdentity.realUid());
    }
}
