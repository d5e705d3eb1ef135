package org.jcedar.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcedar.config.ConfigLiterals;

/**
 * Session ciphers HTCondor negotiates (20 §3.3 step 4). jcedar speaks only AES (AES-256-GCM); the legacy
 * BLOWFISH and 3DES stream ciphers are recognised in lists so that negotiation can explain why it failed.
 */
public enum CryptoMethod {
    AES("AES", 32),
    BLOWFISH("BLOWFISH", 24),
    TRIPLE_DES("3DES", 24);

    private final String wireName;
    private final int keyLength;

    CryptoMethod(String wireName, int keyLength) {
        this.wireName = wireName;
        this.keyLength = keyLength;
    }

    public String wireName() {
        return wireName;
    }

    /** Bytes of HKDF output the session key takes for this cipher (20 §8.2). */
    public int keyLength() {
        return keyLength;
    }

    public boolean supported() {
        return this == AES;
    }

    /** Exact, case-sensitive names as SecMan::filterCryptoMethods accepts them (TRIPLEDES is 3DES). */
    public static Optional<CryptoMethod> parse(String name) {
        switch (name.strip()) {
            case "AES": return Optional.of(AES);
            case "BLOWFISH": return Optional.of(BLOWFISH);
            case "3DES": case "TRIPLEDES": return Optional.of(TRIPLE_DES);
            default: return Optional.empty();
        }
    }

    public static List<CryptoMethod> parseList(String list) {
        List<CryptoMethod> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (String item : ConfigLiterals.listItems(list)) {
            parse(item).filter(m -> !out.contains(m)).ifPresent(out::add);
        }
        return out;
    }

    public static String wireList(List<CryptoMethod> methods) {
        return String.join(",", methods.stream().map(CryptoMethod::wireName).toList());
    }
}
