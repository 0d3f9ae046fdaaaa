package io.wafleet.session.connector.linked;

import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.Credentials;
import it.auties.whatsapp.api.ClientType;
import it.auties.whatsapp.controller.StoreKeysPair;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.mobile.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkedDeviceCredentialsTest {

    private final AtomicInteger saves = new AtomicInteger();
    private final InMemorySerializer serializer = new InMemorySerializer(saves::incrementAndGet, () -> { });

    @Test
    void aLoginRestoresWithTheSameKeysDeviceAndPhone() {
        StoreKeysPair login = loggedInDevice();

        Credentials credentials = LinkedDeviceCredentials.encode(login.keys(), login.store());
        StoreKeysPair restored = LinkedDeviceCredentials.decode(credentials, new InMemorySerializer(() -> { }, () -> { }));

        var keys = login.keys();
        var back = restored.keys();
        assertThat(credentials.connector()).isEqualTo("linked_device");
        assertThat(back.uuid()).isEqualTo(keys.uuid());
        assertThat(back.registrationId()).isEqualTo(keys.registrationId());
        assertThat(back.identityKeyPair().publicKey()).isEqualTo(keys.identityKeyPair().publicKey());
        assertThat(back.identityKeyPair().privateKey()).isEqualTo(keys.identityKeyPair().privateKey());
        assertThat(back.noiseKeyPair().publicKey()).isEqualTo(keys.noiseKeyPair().publicKey());
        assertThat(back.noiseKeyPair().privateKey()).isEqualTo(keys.noiseKeyPair().privateKey());
        assertThat(back.companionKeyPair().privateKey()).isEqualTo(keys.companionKeyPair().privateKey());
        assertThat(back.signedKeyPair().privateKey()).isEqualTo(keys.signedKeyPair().privateKey());
        assertThat(back.identityId()).isEqualTo(keys.identityId());
        assertThat(back.registered()).isTrue();
        assertThat(restored.store().jid()).contains(Jid.of("6281234567890:7@s.whatsapp.net"));
        assertThat(restored.store().phoneNumber().map(PhoneNumber::number)).contains(6281234567890L);
        assertThat(restored.store().clientType()).isEqualTo(ClientType.WEB);
        // re-encoding the restored login gives the same bytes: nothing was lost on the way
        assertThat(LinkedDeviceCredentials.encode(back, restored.store()).data()).isEqualTo(credentials.data());
    }

    @Test
    void twoLoginsDoNotShareKeys() {
        var first = LinkedDeviceCredentials.encode(loggedInDevice().keys(), loggedInDevice().store());
        var second = LinkedDeviceCredentials.encode(loggedInDevice().keys(), loggedInDevice().store());

        assertThat(Arrays.equals(first.data(), second.data())).isFalse();
    }

    @Test
    void credentialsOfAnotherConnectorOrFormatAreRefused() {
        StoreKeysPair login = loggedInDevice();
        byte[] data = LinkedDeviceCredentials.encode(login.keys(), login.store()).data();
        byte[] laterVersion = data.clone();
        laterVersion[4] = 2;

        assertThatThrownBy(() -> LinkedDeviceCredentials.decode(new Credentials("sandbox", data), serializer))
                .isInstanceOf(ConnectorException.class).extracting("reason").isEqualTo("bad_credentials");
        assertThatThrownBy(() -> LinkedDeviceCredentials.decode(new Credentials("linked_device", laterVersion), serializer))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("format 2");
        assertThatThrownBy(() -> LinkedDeviceCredentials.decode(new Credentials("linked_device", new byte[]{1, 2, 3}), serializer))
                .isInstanceOf(ConnectorException.class).extracting("reason").isEqualTo("bad_credentials");
    }

    @Test
    void theCredentialsNeverShowTheirKeys() {
        StoreKeysPair login = loggedInDevice();
        Credentials credentials = LinkedDeviceCredentials.encode(login.keys(), login.store());
        String identity = Base64.getEncoder().encodeToString(login.keys().identityKeyPair().privateKey());

        assertThat(credentials.toString()).doesNotContain(identity).startsWith("Credentials[linked_device, ");
    }

    @Test
    void cobaltsSavesReachTheSessionAndNoFile() {
        Path cobaltHome = Path.of(System.getProperty("user.home"), ".cobalt");
        boolean existedBefore = Files.exists(cobaltHome);
        StoreKeysPair login = loggedInDevice();

        login.keys().serialize(true);
        login.store().serialize(false);

        assertThat(saves).hasValue(2);
        if (!existedBefore) {
            assertThat(cobaltHome).doesNotExist();
        }
    }

    private StoreKeysPair loggedInDevice() {
        StoreKeysPair pair = serializer.newStoreKeysPair(UUID.randomUUID(), PhoneNumber.of(6281234567890L).orElseThrow(), null,
                ClientType.WEB);
        pair.keys().setRegistered(true);
        pair.store().setJid(Jid.of("6281234567890:7@s.whatsapp.net"));
        return pair;
    }
}
