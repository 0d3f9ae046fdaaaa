package io.wafleet.session.credentials;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.wafleet.common.AccountId;
import io.wafleet.common.connector.Credentials;
import io.wafleet.common.crypto.KeyRing;
import io.wafleet.common.crypto.SecretCipher;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Credential writes are fenced by the lease epoch of the session that makes them; a login sealed under
 * an earlier master key is sealed again under the current one when it is loaded.
 */
class CredentialStoreIT {

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://127.0.0.1:" + SERVER.bind().getPort());
    private static final AccountId ACCOUNT = AccountId.of("fenced");

    private final CredentialStore store = new CredentialStore(new MongoTemplate(CLIENT, "wafleet"),
            new SecretCipher(KeyRing.of(new byte[32])), Clock.systemUTC());

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.shutdownNow();
    }

    @Test
    void aSessionUnderAStaleLeaseCanNeitherOverwriteNorDeleteANewerLogin() {
        assertThat(store.save(ACCOUNT, 2, login("newer"))).isTrue();

        assertThat(store.save(ACCOUNT, 1, login("stale"))).isFalse();
        store.delete(ACCOUNT, 1);
        assertThat(store.load(ACCOUNT)).hasValueSatisfying(stored -> assertThat(stored.deviceId()).isEqualTo("newer"));

        assertThat(store.save(ACCOUNT, 3, login("newest"))).isTrue();
        store.delete(ACCOUNT, 3);
        assertThat(store.exists(ACCOUNT)).isFalse();
    }

    @Test
    void aLoginSealedUnderThePreviousKeyIsLoadedAndSealedAgainUnderTheCurrentOne() {
        byte[] keyA = key(1);
        byte[] keyB = key(2);
        AccountId account = AccountId.of("rotated");
        MongoTemplate mongo = new MongoTemplate(CLIENT, "wafleet");
        new CredentialStore(mongo, new SecretCipher(KeyRing.of(keyA)), Clock.systemUTC()).save(account, 1, login("dev-a"));

        CredentialStore rotated = new CredentialStore(mongo, new SecretCipher(KeyRing.of(keyB, keyA)), Clock.systemUTC());
        assertThat(rotated.load(account)).hasValueSatisfying(stored -> assertThat(stored.deviceId()).isEqualTo("dev-a"));

        byte[] stored = mongo.findById(account.value(), Document.class, CredentialStore.COLLECTION).get("data", Binary.class).getData();
        assertThat(SecretCipher.keyIdOf(stored)).hasValue(KeyRing.of(keyB).current().id());
        CredentialStore onlyB = new CredentialStore(mongo, new SecretCipher(KeyRing.of(keyB)), Clock.systemUTC());
        assertThat(onlyB.load(account)).hasValueSatisfying(login -> assertThat(login.deviceId()).isEqualTo("dev-a"));
        CredentialStore onlyA = new CredentialStore(mongo, new SecretCipher(KeyRing.of(keyA)), Clock.systemUTC());
        assertThatThrownBy(() -> onlyA.load(account))
                .isInstanceOf(CredentialsUnreadableException.class).hasMessageContaining("not configured");
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    private static StoredSession login(String device) {
        return new StoredSession(new Credentials("sandbox", device.getBytes(StandardCharsets.UTF_8)), "6281111111111", device);
    }
}
