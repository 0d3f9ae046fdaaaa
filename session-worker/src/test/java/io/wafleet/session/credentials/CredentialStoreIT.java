package io.wafleet.session.credentials;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.wafleet.common.AccountId;
import io.wafleet.common.connector.Credentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** Credential writes are fenced by the lease epoch of the session that makes them. */
class CredentialStoreIT {

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://127.0.0.1:" + SERVER.bind().getPort());
    private static final AccountId ACCOUNT = AccountId.of("fenced");

    private final CredentialStore store = new CredentialStore(new MongoTemplate(CLIENT, "wafleet"),
            new CredentialCipher(new byte[32]), Clock.systemUTC());

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

    private static StoredSession login(String device) {
        return new StoredSession(new Credentials("sandbox", device.getBytes(StandardCharsets.UTF_8)), "6281111111111", device);
    }
}
