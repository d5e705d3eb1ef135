package org.jcedar.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** The key-file reader on arbitrary file content. */
class KeyFileProperties {
    @Property
    void scramblingIsItsOwnInverse(@ForAll byte[] bytes) {
        if (!Arrays.equals(bytes, KeyFileScrambler.scramble(KeyFileScrambler.scramble(bytes)))) {
            throw new AssertionError("scramble twice changed the bytes");
        }
    }

    @Property
    void everyFileGivesASecretOfTheRuleSLength(@ForAll byte[] file) {
        check(SigningKey.secretFromFile(file, false, false).length == file.length, "named key keeps every byte");
        check(SigningKey.secretFromFile(file, true, false).length == 2 * file.length, "POOL is doubled");
        byte[] password = SigningKey.secretFromFile(file, true, true);
        check(password.length % 2 == 0 && password.length <= 2 * file.length, "IS_PASSWORD truncates then doubles");
        for (int i = 0; i < password.length / 2; i++) {
            check(password[i] != 0, "no NUL survives IS_PASSWORD truncation");
        }
        check(SigningKey.fromSecret("K", SigningKey.secretFromFile(file, true, false)).hmacKey().length == 32,
                "J is 32 bytes");
    }

    @Property(tries = 200)
    void anyOwnerOnlyFileLoadsAsAKey(@ForAll @Size(max = 300) byte[] file) throws Exception {
        Path dir = Files.createTempDirectory("keyprop");
        try {
            Path key = Files.write(dir.resolve("K"), file);
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            SigningKeyStore store = new SigningKeyStore(Optional.of(dir), Optional.of(key), false,
                    Pattern.compile(SigningKeyStore.DEFAULT_EXCLUDE_REGEXP), ProcessIdentity.realUid());
            check(Arrays.equals(store.load("K").hmacKey(),
                    SigningKey.fromSecret("K", KeyFileScrambler.scramble(file)).hmacKey()), "named key");
            check(store.load("POOL").id().equals("POOL"), "pool key");
            Files.delete(key);
        } finally {
            Files.delete(dir);
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
