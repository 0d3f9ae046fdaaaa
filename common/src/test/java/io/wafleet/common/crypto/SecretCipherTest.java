package io.wafleet.common.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {

    private final byte[] keyA = randomKey();
    private final byte[] keyB = randomKey();
    private final SecretCipher cipher = new SecretCipher(KeyRing.of(keyA));
    private final byte[] secret = "noise-key|identity-key|adv-secret".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWhatItSealedAndNamesTheKeyItUsed() {
        byte[] sealed = cipher.seal(secret, "acme");

        assertThat(cipher.open(sealed, "acme")).isEqualTo(secret);
        assertThat(SecretCipher.keyIdOf(sealed)).hasValue(KeyRing.idOf(keyA));
        assertThat(cipher.isCurrent(sealed)).isTrue();
    }

    @Test
    void neverStoresThePlaintextAndUsesAFreshIvEachTime() {
        byte[] first = cipher.seal(secret, "acme");
        byte[] second = cipher.seal(secret, "acme");

        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("adv-secret");
    }

    @Test
    void detectsATamperedCiphertext() {
        byte[] sealed = cipher.seal(secret, "acme");
        sealed[sealed.length - 5] ^= 0x01;

        assertThatThrownBy(() -> cipher.open(sealed, "acme")).isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void detectsATamperedKeyIdToAKnownKey() {
        SecretCipher both = new SecretCipher(KeyRing.of(keyA, keyB));
        byte[] sealed = both.seal(secret, "acme");
        byte[] idOfB = java.util.HexFormat.of().parseHex(KeyRing.idOf(keyB));
        System.arraycopy(idOfB, 0, sealed, 1, 4);

        assertThatThrownBy(() -> both.open(sealed, "acme")).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void refusesSecretsCopiedOntoAnotherRecord() {
        byte[] sealed = cipher.seal(secret, "acme");

        assertThatThrownBy(() -> cipher.open(sealed, "globex")).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void aKeyNotInTheRingIsNamedByItsIdWithoutShowingAnyKey() {
        byte[] sealed = new SecretCipher(KeyRing.of(keyB)).seal(secret, "acme");

        assertThatThrownBy(() -> cipher.open(sealed, "acme")).isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining(KeyRing.idOf(keyB))
                .hasMessageContaining("WAFLEET_MASTER_KEYS_PREVIOUS")
                .hasMessageNotContaining(java.util.Base64.getEncoder().encodeToString(keyB));
    }

    @Test
    void anOlderKeyStillOpensWhatItSealedWhichIsThenNotCurrent() {
        byte[] underA = cipher.seal(secret, "acme");
        SecretCipher rotated = new SecretCipher(KeyRing.of(keyB, keyA));

        assertThat(rotated.open(underA, "acme")).isEqualTo(secret);
        assertThat(rotated.isCurrent(underA)).isFalse();
        byte[] underB = rotated.seal(secret, "acme");
        assertThat(SecretCipher.keyIdOf(underB)).hasValue(KeyRing.idOf(keyB));
        assertThat(new SecretCipher(KeyRing.of(keyB)).open(underB, "acme")).isEqualTo(secret);
    }

    @Test
    void opensRecordsSealedBeforeKeysHadIdsWithWhicheverKeyMatches() throws Exception {
        byte[] legacy = legacySeal(keyA, secret, "acme");
        SecretCipher rotated = new SecretCipher(KeyRing.of(keyB, keyA));

        assertThat(rotated.open(legacy, "acme")).isEqualTo(secret);
        assertThat(rotated.isCurrent(legacy)).isFalse();
        assertThatThrownBy(() -> new SecretCipher(KeyRing.of(keyB)).open(legacy, "acme"))
                .isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void refusesWhatIsNotSealedAtAll() {
        assertThatThrownBy(() -> cipher.open("plain text secret".getBytes(StandardCharsets.UTF_8), "acme"))
                .isInstanceOf(SecretUnreadableException.class).hasMessageContaining("format");
        assertThat(cipher.isCurrent(new byte[3])).isFalse();
    }

    /** What the session worker wrote before keys had ids: {@code 1 | iv | ciphertext+tag}, the account id bound. */
    private static byte[] legacySeal(byte[] key, byte[] plaintext, String associatedData) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        aes.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = aes.doFinal(plaintext);
        return ByteBuffer.allocate(1 + 12 + sealed.length).put((byte) 1).put(iv).put(sealed).array();
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
