package io.wafleet.common.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * AES-256-GCM under the fleet's master keys, with a random 12-byte IV per encryption. What it seals
 * names the key it was sealed with: {@code 2 | key id (4 bytes) | iv (12) | ciphertext+tag}, the
 * first five bytes authenticated with the ciphertext. The caller's associated data (the record's id)
 * is bound too, so a ciphertext copied onto another record does not open.
 *
 * <p>Records sealed before keys had ids ({@code 1 | iv | ciphertext+tag}) are still opened, by trying
 * each known key; {@link #isCurrent} is false for them, so they get sealed again under the current key.
 * Thread-safe.
 */
public final class SecretCipher {

    private static final byte LEGACY_VERSION = 1;
    private static final byte VERSION = 2;
    private static final int ID_BYTES = 4;
    private static final int HEADER_BYTES = 1 + ID_BYTES;
    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(KeyRing keys) {
        this.keys = keys;
    }

    public KeyRing keys() {
        return keys;
    }

    /** Seals the plaintext under the current key, bound to {@code associatedData}. */
    public byte[] seal(byte[] plaintext, String associatedData) {
        KeyRing.Key key = keys.current();
        byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(VERSION).put(HexFormat.of().parseHex(key.id())).array();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, iv, header, associatedData).doFinal(plaintext);
            return ByteBuffer.allocate(HEADER_BYTES + IV_BYTES + sealed.length).put(header).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws SecretUnreadableException if altered, bound to other data, or sealed under a key not in the ring */
    public byte[] open(byte[] sealed, String associatedData) {
        if (sealed.length >= HEADER_BYTES + IV_BYTES + TAG_BYTES && sealed[0] == VERSION) {
            String id = keyId(sealed);
            KeyRing.Key key = keys.find(id).orElseThrow(() -> new SecretUnreadableException("sealed under master key "
                    + id + ", which is not configured (known: " + keys.ids() + "); add it to WAFLEET_MASTER_KEYS_PREVIOUS"));
            byte[] opened = tryOpen(key, Arrays.copyOfRange(sealed, 0, HEADER_BYTES), sealed, HEADER_BYTES, associatedData);
            if (opened == null) {
                throw new SecretUnreadableException("does not open with master key " + id + ": altered, or copied from another record");
            }
            return opened;
        }
        if (sealed.length >= 1 + IV_BYTES + TAG_BYTES && sealed[0] == LEGACY_VERSION) {
            for (KeyRing.Key key : keys.all()) {
                byte[] opened = tryOpen(key, new byte[0], sealed, 1, associatedData);
                if (opened != null) {
                    return opened;
                }
            }
            throw new SecretUnreadableException("sealed (without a key id) under none of the master keys " + keys.ids()
                    + ", or altered");
        }
        throw new SecretUnreadableException("not in a sealed format this version knows");
    }

    /** Whether the sealed data is under the current key; false means it should be sealed again. */
    public boolean isCurrent(byte[] sealed) {
        return keyIdOf(sealed).filter(keys.current().id()::equals).isPresent();
    }

    /** The id of the key the data was sealed with; empty for data sealed before keys had ids, or not sealed at all. */
    public static Optional<String> keyIdOf(byte[] sealed) {
        return sealed.length > HEADER_BYTES && sealed[0] == VERSION ? Optional.of(keyId(sealed)) : Optional.empty();
    }

    private static String keyId(byte[] sealed) {
        return HexFormat.of().formatHex(sealed, 1, HEADER_BYTES);
    }

    /** The plaintext, or null when the tag does not match (wrong key, altered, other associated data). */
    private static byte[] tryOpen(KeyRing.Key key, byte[] header, byte[] sealed, int ivAt, String associatedData) {
        byte[] iv = Arrays.copyOfRange(sealed, ivAt, ivAt + IV_BYTES);
        try {
            return cipher(Cipher.DECRYPT_MODE, key, iv, header, associatedData)
                    .doFinal(sealed, ivAt + IV_BYTES, sealed.length - ivAt - IV_BYTES);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, KeyRing.Key key, byte[] iv, byte[] header, String associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
        cipher.updateAAD(header);
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
