package io.wafleet.common.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRingTest {

    @TempDir
    Path dataDir;

    private final byte[] keyA = SecretCipherTest.randomKey();
    private final byte[] keyB = SecretCipherTest.randomKey();

    @Test
    void aKeysIdIsTheStartOfItsSha256() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(keyA)).substring(0, 8);

        assertThat(KeyRing.of(keyA).current().id()).isEqualTo(expected);
        assertThat(KeyRing.of(keyA).current().toString()).isEqualTo("Key[id=" + expected + "]");
    }

    @Test
    void loadsTheCurrentKeyAndThePreviousOnesForReading() {
        KeyRing ring = KeyRing.load(new MasterKeySettings(base64(keyB), " " + base64(keyA) + " ,", dataDir.toString(), null));

        assertThat(ring.current().bytes()).isEqualTo(keyB);
        assertThat(ring.ids()).containsExactly(KeyRing.idOf(keyB), KeyRing.idOf(keyA));
        assertThat(ring.find(KeyRing.idOf(keyA))).hasValueSatisfying(key -> assertThat(key.bytes()).isEqualTo(keyA));
        assertThat(dataDir.resolve(MasterKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void withoutAConfiguredKeyTheDataDirectorysFileIsTheCurrentKey() {
        KeyRing first = KeyRing.load(new MasterKeySettings("", base64(keyA), dataDir.toString(), true));
        KeyRing second = KeyRing.load(new MasterKeySettings(null, null, dataDir.toString(), null));

        assertThat(first.current().id()).isEqualTo(second.current().id()).isNotEqualTo(KeyRing.idOf(keyA));
    }

    @Test
    void whereNoKeyFileIsAllowedAConfiguredKeyIsRequired() {
        assertThatThrownBy(() -> KeyRing.load(new MasterKeySettings(" ", null, dataDir.toString(), false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WAFLEET_MASTER_KEY");
        assertThat(dataDir.resolve(MasterKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void aMalformedPreviousKeyIsNamedByPositionWithoutEchoingIt() {
        String bad = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> KeyRing.load(new MasterKeySettings(base64(keyB), base64(keyA) + "," + bad, dataDir.toString(), null)))
                .hasMessageContaining("WAFLEET_MASTER_KEYS_PREVIOUS (entry 2)")
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(bad);
    }

    @Test
    void theCurrentKeyListedAgainAsPreviousIsHarmless() {
        KeyRing ring = KeyRing.load(new MasterKeySettings(base64(keyA), base64(keyA), dataDir.toString(), null));

        assertThat(ring.ids()).containsExactly(KeyRing.idOf(keyA));
    }

    @Test
    void settingsNeverPrintTheirKeys() {
        MasterKeySettings settings = new MasterKeySettings(base64(keyA), base64(keyB), null, null);

        assertThat(settings.toString()).doesNotContain(base64(keyA)).doesNotContain(base64(keyB)).contains("./data");
        assertThat(KeyRing.of(keyA, keyB).toString()).doesNotContain(base64(keyA));
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
