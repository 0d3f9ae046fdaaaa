package io.wafleet.session.credentials;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-256-GCM with a random 12-byte IV per encryption, stored in front of the ciphertext
 * ({@code version(1) | iv(12) | ciphertext+tag}). The account id is bound as associated data, so a
 * ciphertext copied onto another account does not decrypt.
 */
final class CredentialCipher {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    CredentialCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    byte[] encrypt(byte[] plaintext, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws CredentialsUnreadableException if the data was altered, or sealed under another key or account */
    byte[] decrypt(byte[] stored, String associatedData) {
        if (stored.length < 1 + IV_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new CredentialsUnreadableException("stored credentials have an unknown format");
        }
        ByteBuffer buffer = ByteBuffer.wrap(stored, 1, stored.length - 1);
        byte[] iv = new byte[IV_BYTES];
        buffer.get(iv);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        try {
            return cipher(Cipher.DECRYPT_MODE, iv, associatedData).doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new CredentialsUnreadableException("stored credentials do not match the master key (or were altered)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
