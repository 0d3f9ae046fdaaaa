package io.wafleet.session.credentials;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCipherTest {

    private final CredentialCipher cipher = new CredentialCipher(randomKey());
    private final byte[] secret = "noise-key|identity-key|adv-secret".getBytes(StandardCharsets.UTF_8);

    @Test
    void decryptsWhatItEncrypted() {
        byte[] sealed = cipher.encrypt(secret, "acme");

        assertThat(cipher.decrypt(sealed, "acme")).isEqualTo(secret);
    }

    @Test
    void neverStoresThePlaintextAndUsesAFreshIvEachTime() {
        byte[] first = cipher.encrypt(secret, "acme");
        byte[] second = cipher.encrypt(secret, "acme");

        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("adv-secret");
    }

    @Test
    void detectsATamperedCiphertext() {
        byte[] sealed = cipher.encrypt(secret, "acme");
        sealed[sealed.length - 5] ^= 0x01;

        assertThatThrownBy(() -> cipher.decrypt(sealed, "acme")).isInstanceOf(CredentialsUnreadableException.class);
    }

    @Test
    void refusesCredentialsCopiedOntoAnotherAccount() {
        byte[] sealed = cipher.encrypt(secret, "acme");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "globex")).isInstanceOf(CredentialsUnreadableException.class);
    }

    @Test
    void refusesCredentialsSealedUnderAnotherKey() {
        byte[] sealed = new CredentialCipher(randomKey()).encrypt(secret, "acme");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "acme")).isInstanceOf(CredentialsUnreadableException.class);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
