package org.jcedar.it.real;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to configure a {@link RealPool}: each option maps to one option of {@code pool.sh start}. Unset options
 * keep pool.sh's defaults (authentication FS, IDTOKENS, CLAIMTOBE; encryption and integrity REQUIRED; the
 * packaged security metaknob of the version; no shared port; an ephemeral schedd port).
 *
 * <p>Options are values: two equal option sets describe the same pool, which is what lets tests of one class
 * share a pool ({@link RealHtcondor#sharedPool(PoolOptions)}).
 *
 * @param trustDomain    {@code --trust-domain}: TRUST_DOMAIN and UID_DOMAIN of the pool
 * @param authMethods    {@code --auth}: SEC_DEFAULT_AUTHENTICATION_METHODS, e.g. "FS, IDTOKENS"
 * @param encryption     {@code --encryption}
 * @param integrity      {@code --integrity} (pool.sh default: same as encryption)
 * @param cryptoMethods  {@code --crypto-methods}, e.g. "AES" or "BLOWFISH"
 * @param sharedPort     {@code --shared-port}: condor_shared_port on the collector port, the collector behind it
 * @param fixedScheddPort {@code --schedd-port} with a free port chosen at start
 * @param sharedHostTmp  bind the host's /tmp on the chroot's /tmp first ({@code provision.sh share-tmp}), so
 *                       that FS authentication works between this JVM and HTCondor in the chroot
 * @param settings       {@code --set} lines, appended last to the pool's configuration, e.g.
 *                       "SEC_READ_AUTHENTICATION = OPTIONAL"
 */
public record PoolOptions(
        String trustDomain,
        Optional<String> authMethods,
        Optional<SecurityRequirement> encryption,
        Optional<SecurityRequirement> integrity,
        Optional<String> cryptoMethods,
        boolean sharedPort,
        boolean fixedScheddPort,
        boolean sharedHostTmp,
        List<String> settings) {

    /** The trust domain of a pool whose test does not choose one. */
    public static final String DEFAULT_TRUST_DOMAIN = "jcedar.test";

    public PoolOptions {
        Objects.requireNonNull(trustDomain, "trustDomain");
        settings = List.copyOf(settings);
        if (sharedPort && fixedScheddPort) {
            throw new IllegalArgumentException("pool.sh cannot combine --shared-port with --schedd-port");
        }
    }

    public static PoolOptions defaults() {
        return new PoolOptions(DEFAULT_TRUST_DOMAIN, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, false, false, List.of());
    }

    public PoolOptions withTrustDomain(String domain) {
        return new PoolOptions(domain, authMethods, encryption, integrity, cryptoMethods, sharedPort,
                fixedScheddPort, sharedHostTmp, settings);
    }

    public PoolOptions withAuthMethods(String methods) {
        return new PoolOptions(trustDomain, Optional.of(methods), encryption, integrity, cryptoMethods, sharedPort,
                fixedScheddPort, sharedHostTmp, settings);
    }

    public PoolOptions withEncryption(SecurityRequirement requirement) {
        return new PoolOptions(trustDomain, authMethods, Optional.of(requirement), integrity, cryptoMethods,
                sharedPort, fixedScheddPort, sharedHostTmp, settings);
    }

    public PoolOptions withIntegrity(SecurityRequirement requirement) {
        return new PoolOptions(trustDomain, authMethods, encryption, Optional.of(requirement), cryptoMethods,
                sharedPort, fixedScheddPort, sharedHostTmp, settings);
    }

    public PoolOptions withCryptoMethods(String methods) {
        return new PoolOptions(trustDomain, authMethods, encryption, integrity, Optional.of(methods), sharedPort,
                fixedScheddPort, sharedHostTmp, settings);
    }

    public PoolOptions withSharedPort() {
        return new PoolOptions(trustDomain, authMethods, encryption, integrity, cryptoMethods, true,
                fixedScheddPort, sharedHostTmp, settings);
    }

    public PoolOptions withFixedScheddPort() {
        return new PoolOptions(trustDomain, authMethods, encryption, integrity, cryptoMethods, sharedPort,
                true, sharedHostTmp, settings);
    }

    public PoolOptions withSharedHostTmp() {
        return new PoolOptions(trustDomain, authMethods, encryption, integrity, cryptoMethods, sharedPort,
                fixedScheddPort, true, settings);
    }

    /** Adds a configuration line such as "SEC_READ_AUTHENTICATION = OPTIONAL". */
    public PoolOptions withSetting(String line) {
        List<String> more = new ArrayList<>(settings);
        more.add(line);
        return new PoolOptions(trustDomain, authMethods, encryption, integrity, cryptoMethods, sharedPort,
                fixedScheddPort, sharedHostTmp, more);
    }

    /** The arguments of {@code pool.sh start} after the chroot, for a pool on these ports. */
    List<String> startArguments(String name, int collectorPort, OptionalInt scheddPort) {
        List<String> args = new ArrayList<>(List.of(
                "--name", name, "--port", Integer.toString(collectorPort), "--trust-domain", trustDomain));
        authMethods.ifPresent(m -> args.addAll(List.of("--auth", m)));
        encryption.ifPresent(e -> args.addAll(List.of("--encryption", e.name())));
        integrity.ifPresent(i -> args.addAll(List.of("--integrity", i.name())));
        cryptoMethods.ifPresent(m -> args.addAll(List.of("--crypto-methods", m)));
        if (sharedPort) {
            args.add("--shared-port");
        }
        scheddPort.ifPresent(p -> args.addAll(List.of("--schedd-port", Integer.toString(p))));
        settings.forEach(s -> args.addAll(List.of("--set", s)));
        return args;
    }
}
