package org.jcedar.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyStoreTest {
    private static final Pattern EXCLUDE = Pattern.compile(SigningKeyStore.DEFAULT_EXCLUDE_REGEXP);
    private static final long UID = ProcessIdentity.realUid();

    @TempDir
    Path dir;
    private Path passwords;
    private Path pool;
    private SigningKeyStore store;

    @BeforeEach
    void setUp() throws Exception {
        passwords = Files.createDirectory(dir.resolve("passwords.d"));
        pool = dir.resolve("pool-key");
        store = new SigningKeyStore(Optional.of(passwords), Optional.of(pool), false, EXCLUDE, UID);
    }

    @Test
    void keyIdsFollowTheIssuerKeysRules() throws Exception {
        assertEquals(List.of(), store.keyIds());
        Vectors.installKey("protocol-30/VECKEY.key", dir, "pool-key");
        for (String name : List.of("zeta", "VECKEY", "AP", ".hidden", "x.sh", "y~", "#z", "k.rpmsave", "POOL")) {
            Vectors.installKey("protocol-30/VECKEY.key", passwords, name);
        }
        Files.createDirectory(passwords.resolve("subdir"));
        assertEquals(List.of("AP", "POOL", "VECKEY", "zeta"), store.keyIds());
        assertEquals("AP, POOL, VECKEY, zeta", store.issuerKeys());
        assertTrue(store.has("zeta"));
        assertTrue(store.has(""));
        assertFalse(store.has("nope"));
    }

    @Test
    void aListedKeyCountsAsHeldThoughItsIdNamesNoFile() throws Exception {
        SigningKeyStore noPoolFile = new SigningKeyStore(Optional.of(passwords), Optional.empty(), false, EXCLUDE, UID);
        Vectors.installKey("protocol-30/VECKEY.key", passwords, "POOL");
        assertEquals(List.of("POOL"), noPoolFile.keyIds());
        assertTrue(noPoolFile.has("POOL"));
        assertFalse(noPoolFile.has("a/b"));
    }

    @Test
    void aMissingPasswordDirectoryListsOnlyPool() throws Exception {
        SigningKeyStore noDir = new SigningKeyStore(Optional.of(dir.resolve("absent")), Optional.of(pool), false,
                EXCLUDE, UID);
        Vectors.installKey("protocol-30/VECKEY.key", dir, "pool-key");
        assertEquals(List.of("POOL"), noDir.keyIds());
    }

    @Test
    void loadsNamedAndPoolKeysWithTheirRules() throws Exception {
        Vectors.installKey("protocol-30/VECKEY.key", passwords, "VECKEY");
        Vectors.installKey("protocol-30/VECKEY.key", dir, "pool-key");
        assertArrayEquals(Vectors.expectedHex("named.J"), store.load("VECKEY").hmacKey());
        assertArrayEquals(Vectors.expectedHex("pool.J"), store.load("POOL").hmacKey());
        assertEquals("POOL", store.load("").id());
        assertArrayEquals(Vectors.expectedHex("pool.J"), store.load("").hmacKey());
    }

    @Test
    void unknownKeysAndUnsetKnobsHaveHtcondorsMessages() {
        KeyFileException missing = assertThrows(KeyFileException.class, () -> store.load("NOPE"));
        assertEquals("Failed to read file " + passwords.resolve("NOPE") + " securely.", missing.getMessage());
        assertEquals(SigningKeyStore.NO_SUCH_KEY, missing.detail());

        SigningKeyStore unset = new SigningKeyStore(Optional.empty(), Optional.empty(), false, EXCLUDE, UID);
        assertEquals("No master pool token key setup in SEC_TOKEN_POOL_SIGNING_KEY_FILE",
                assertThrows(KeyFileException.class, () -> unset.load("POOL")).getMessage());
        assertEquals("SEC_PASSWORD_DIRECTORY is undefined",
                assertThrows(KeyFileException.class, () -> unset.load("VECKEY")).getMessage());
        assertEquals("Invalid signing key name ../pool-key",
                assertThrows(KeyFileException.class, () -> store.load("../pool-key")).getMessage());
    }

    @Test
    void keysReadableByOthersAreRefused() throws Exception {
        Path key = Vectors.installKey("protocol-30/VECKEY.key", passwords, "VECKEY");
        for (String mode : List.of("rw-r--r--", "rw-r-----", "rw------x", "rw--w----")) {
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(mode));
            KeyFileException e = assertThrows(KeyFileException.class, () -> store.load("VECKEY"));
            assertEquals("Failed to read file " + key + " securely.", e.getMessage());
            assertTrue(e.detail().startsWith(key + ": file must not be readable by others, had perms 100"),
                    e.detail());
        }
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        store.load("VECKEY");
    }

    @Test
    void keysOwnedBySomeoneElseAreRefused() throws Exception {
        Path key = Vectors.installKey("protocol-30/VECKEY.key", passwords, "VECKEY");
        SigningKeyStore otherOwner = new SigningKeyStore(Optional.of(passwords), Optional.of(pool), false, EXCLUDE,
                UID + 1);
        KeyFileException e = assertThrows(KeyFileException.class, () -> otherOwner.load("VECKEY"));
        assertEquals(key + ": file must be owned by uid " + (UID + 1) + ", was uid " + UID, e.detail());
    }

    @Test
    void aFileChownedAwayIsRefused() throws Exception {
        assumeTrue(UID == 0, "needs root to give a file away");
        Path key = Vectors.installKey("protocol-30/VECKEY.key", passwords, "VECKEY");
        Files.setAttribute(key, "unix:uid", 65534);
        assertEquals(key + ": file must be owned by uid 0, was uid 65534",
                assertThrows(KeyFileException.class, () -> store.load("VECKEY")).detail());
    }

    @Test
    void directoriesAndSymlinksFollowHtcondor() throws Exception {
        Files.createDirectory(passwords.resolve("adir"));
        assertTrue(assertThrows(KeyFileException.class, () -> store.load("adir")).detail()
                .endsWith("not a regular file"));
        Path target = Vectors.installKey("protocol-30/VECKEY.key", dir, "elsewhere");
        Files.createSymbolicLink(passwords.resolve("LINKED"), target);
        assertArrayEquals(Vectors.expectedHex("named.J"), store.load("LINKED").hmacKey());
    }

    @Test
    void createWritesScrambled0600AndRemoveDeletes() throws Exception {
        byte[] raw = Vectors.expectedHex("unscrambled");
        store.create("NEWKEY", raw);
        Path file = passwords.resolve("NEWKEY");
        assertArrayEquals(Vectors.bytes("protocol-30/VECKEY.key"), Files.readAllBytes(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(Vectors.expectedHex("named.J"), store.load("NEWKEY").hmacKey());
        store.remove("NEWKEY");
        assertFalse(Files.exists(file));
        assertEquals("Failed to remove file " + file + ".",
                assertThrows(KeyFileException.class, () -> store.remove("NEWKEY")).getMessage());
        try (var entries = Files.list(passwords)) {
            assertEquals(0, entries.count(), "no temporary file is left behind");
        }
    }

    @Test
    void poolKeyIsGeneratedOnlyWhenMissingLikeACollector() throws Exception {
        assertTrue(store.createPoolKeyIfMissing(new SecureRandom()));
        byte[] first = Files.readAllBytes(pool);
        assertEquals(64, first.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pool)));
        assertEquals(List.of("POOL"), store.keyIds());
        store.load("POOL");

        assertFalse(store.createPoolKeyIfMissing(new SecureRandom()));
        assertArrayEquals(first, Files.readAllBytes(pool), "an existing key is never replaced");

        SigningKeyStore noDirectory = new SigningKeyStore(Optional.empty(),
                Optional.of(dir.resolve("absent/POOL")), false, EXCLUDE, UID);
        assertFalse(noDirectory.createPoolKeyIfMissing(new SecureRandom()));
        assertFalse(Files.exists(dir.resolve("absent")), "the directory is not created");
    }

    @Test
    void hugeKeyFilesAreRefused() throws Exception {
        Path key = passwords.resolve("HUGE");
        Files.write(key, new byte[SigningKeyStore.MAX_KEY_FILE_BYTES + 1]);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertTrue(assertThrows(KeyFileException.class, () -> store.load("HUGE")).detail()
                .endsWith("file is larger than 1048576 bytes"));
    }
}
