package io.wafleet.common.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the master key comes from: the configured base64 value, else {@code <dataDir>/master.key}.
 * The file is created once, atomically: a complete key file is written under a temporary name and
 * hard-linked to {@code master.key}, which fails if another process got there first, in which case
 * that process's key is read and used. The file is readable by its owner only. A key never appears in
 * an exception message, only where it came from.
 */
public final class MasterKey {

    public static final String FILE_NAME = "master.key";
    static final int KEY_BYTES = 32;

    private MasterKey() {
    }

    /** The configured key (base64 of 32 bytes) if set, else the data directory's key file, created if missing. */
    public static byte[] load(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured, "WAFLEET_MASTER_KEY");
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                createOnce(dataDir, file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }

    private static void createOnce(Path dataDir, Path file) throws IOException {
        Files.createDirectories(dataDir);
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path temporary = Files.createTempFile(dataDir, ".master", ".key", ownerOnly(dataDir));
        try {
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            // theirs is complete (it was linked only once written) and is the one every process uses
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            moveUnlessPresent(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Without hard links: a rename that refuses an existing target (not atomic against a racing creator). */
    private static void moveUnlessPresent(Path temporary, Path file) throws IOException {
        try {
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            // use theirs
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    /** A base64 key of 32 bytes; {@code source} names where it came from in the error (the key itself never does). */
    static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the master key in " + source + " is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("the master key in " + source + " must be 32 bytes (base64 of 32 random bytes)");
        }
        return key;
    }
}
