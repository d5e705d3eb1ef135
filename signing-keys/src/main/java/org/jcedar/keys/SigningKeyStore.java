package org.jcedar.keys;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * HTCondor's signing keys on disk (30 §1): named keys in SEC_PASSWORD_DIRECTORY (file name = key id) and the
 * POOL key in SEC_TOKEN_POOL_SIGNING_KEY_FILE. Takes plain values; reading the configuration is the caller's
 * job. Files must be owned by {@code ownerUid} (HTCondor: the real uid) with no group/other bits.
 */
public final class SigningKeyStore implements SigningKeySource {
    /** HTCondor's default LOCAL_CONFIG_DIR_EXCLUDE_REGEXP, which also filters key and token directories. */
    public static final String DEFAULT_EXCLUDE_REGEXP = "^((\\..*)|(.*\\.pl)|(.*\\.py)|(.*\\.sh)|(.*~)|(#.*)"
            + "|(.*\\.rpmsave)|(.*\\.rpmnew)|(.*\\.dpkg-old)|(.*\\.dpkg-dist)|(.*\\.cfsaved))$";
    /** What a real collector writes when it creates the POOL key (30 §1.4). */
    public static final int GENERATED_KEY_LENGTH = 64;
    /** The {@link KeyFileException#detail()} of a key whose file does not exist. */
    public static final String NO_SUCH_KEY = "no such file";
    /** Larger key files are refused (HTCondor has no limit; real keys are 64 bytes). */
    public static final int MAX_KEY_FILE_BYTES = 1 << 20;

    private final Optional<Path> passwordDirectory;
    private final Optional<Path> poolKeyFile;
    private final boolean poolKeyIsPassword;
    private final Pattern excludeRegexp;
    private final long ownerUid;

    /**
     * @param passwordDirectory SEC_PASSWORD_DIRECTORY, if set
     * @param poolKeyFile       SEC_TOKEN_POOL_SIGNING_KEY_FILE, if set
     * @param poolKeyIsPassword SEC_TOKEN_POOL_SIGNING_KEY_IS_PASSWORD
     * @param excludeRegexp     LOCAL_CONFIG_DIR_EXCLUDE_REGEXP (searched, like PCRE's unanchored match)
     * @param ownerUid          the uid key files must belong to ({@link ProcessIdentity#realUid()} normally)
     */
    public SigningKeyStore(Optional<Path> passwordDirectory, Optional<Path> poolKeyFile, boolean poolKeyIsPassword,
                           Pattern excludeRegexp, long ownerUid) {
        this.passwordDirectory = passwordDirectory;
        this.poolKeyFile = poolKeyFile;
        this.poolKeyIsPassword = poolKeyIsPassword;
        this.excludeRegexp = excludeRegexp;
        this.ownerUid = ownerUid;
    }

    /**
     * The key ids a daemon advertises as IssuerKeys (30 §1.1): POOL if its file is readable, plus every
     * readable non-directory entry of the password directory whose name the exclude regexp does not match;
     * byte-sorted, without duplicates. A missing directory contributes nothing.
     */
    public List<String> keyIds() throws IOException {
        TreeSet<String> ids = new TreeSet<>();
        if (poolKeyFile.isPresent() && Files.isReadable(poolKeyFile.get())) {
            ids.add(SigningKey.POOL);
        }
        if (passwordDirectory.isPresent() && Files.isDirectory(passwordDirectory.get())) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(passwordDirectory.get())) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (!Files.isDirectory(entry) && !excludeRegexp.matcher(name).find() && Files.isReadable(entry)) {
                        ids.add(name);
                    }
                }
            }
        }
        return new ArrayList<>(ids);
    }

    /** {@link #keyIds()} joined the way the IssuerKeys attribute carries them: {@code "POOL, VECKEY"}. */
    public String issuerKeys() throws IOException {
        return String.join(", ", keyIds());
    }

    /**
     * The file holding key {@code kid}: the POOL file for {@code POOL} or the empty id, else a file in the
     * password directory. Ids that are not a plain file name are refused (HTCondor appends them unchecked).
     */
    public Path pathOf(String kid) throws KeyFileException {
        if (isPool(kid)) {
            return poolKeyFile.orElseThrow(() -> new KeyFileException(
                    "No master pool token key setup in SEC_TOKEN_POOL_SIGNING_KEY_FILE",
                    "SEC_TOKEN_POOL_SIGNING_KEY_FILE is not set"));
        }
        if (kid.contains("/") || kid.indexOf('\0') >= 0 || kid.equals(".") || kid.equals("..")) {
            throw new KeyFileException("Invalid signing key name " + kid,
                    "a key id must be a plain file name in SEC_PASSWORD_DIRECTORY");
        }
        Path directory = passwordDirectory.orElseThrow(() -> new KeyFileException(
                "SEC_PASSWORD_DIRECTORY is undefined", "SEC_PASSWORD_DIRECTORY is not set"));
        return directory.resolve(kid);
    }

    /** Loads key {@code kid} (the empty id means POOL, as in HTCondor). */
    @Override
    public SigningKey load(String kid) throws KeyFileException {
        Path path = pathOf(kid);
        byte[] fileBytes;
        try {
            fileBytes = SecureFileReader.read(path, ownerUid, MAX_KEY_FILE_BYTES);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(readFailure(path), NO_SUCH_KEY, e);
        } catch (InsecureFileException e) {
            throw new KeyFileException(readFailure(path), e.getMessage(), e);
        } catch (IOException e) {
            throw new KeyFileException(readFailure(path), String.valueOf(e.getMessage()), e);
        }
        String id = isPool(kid) ? SigningKey.POOL : kid;
        return SigningKey.fromSecret(id, SigningKey.secretFromFile(fileBytes, isPool(kid), poolKeyIsPassword));
    }

    /**
     * Whether key {@code kid} is listed or its file is readable (HTCondor's hasTokenSigningKey). The file is looked
     * at first: one access check answers for a key that is there, without listing the directory.
     */
    public boolean has(String kid) throws IOException {
        try {
            if (Files.isReadable(pathOf(kid))) {
                return true;
            }
        } catch (KeyFileException e) {
            // no file for this id; the list may still name it (a POOL file in the directory)
        }
        return keyIds().contains(isPool(kid) ? SigningKey.POOL : kid);
    }

    /**
     * Writes key {@code kid} with the given raw (unscrambled) bytes, scrambled, mode 0600, replacing an
     * existing key atomically.
     */
    public void create(String kid, byte[] rawKey) throws KeyFileException {
        Path path = pathOf(kid);
        try {
            PrivateFileWriter.replace(path, KeyFileScrambler.scramble(rawKey));
        } catch (IOException e) {
            throw new KeyFileException("Failed to write file " + path + " securely.", String.valueOf(e), e);
        }
    }

    /**
     * What a real collector does at start-up (30 §1.4): if the POOL file does not exist, writes 64 random
     * bytes to it, scrambled, mode 0600; an existing file is left alone and a missing directory is not
     * created.
     *
     * @return true if the key was created
     */
    public boolean createPoolKeyIfMissing(SecureRandom random) throws KeyFileException {
        Path path = pathOf(SigningKey.POOL);
        byte[] raw = new byte[GENERATED_KEY_LENGTH];
        random.nextBytes(raw);
        try {
            PrivateFileWriter.createExclusively(path, KeyFileScrambler.scramble(raw));
            return true;
        } catch (FileAlreadyExistsException | NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new KeyFileException("Failed to write file " + path + " securely.", String.valueOf(e), e);
        }
    }

    /** Deletes key {@code kid}; a key that does not exist is an error. */
    public void remove(String kid) throws KeyFileException {
        Path path = pathOf(kid);
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new KeyFileException("Failed to remove file " + path + ".", String.valueOf(e), e);
        }
    }

    private static boolean isPool(String kid) {
        return kid.isEmpty() || kid.equals(SigningKey.POOL);
    }

    private static String readFailure(Path path) {
        return "Failed to read file " + path + " securely.";
    }
}
