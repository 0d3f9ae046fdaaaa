package io.wafleet.session.connector.sandbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.wafleet.common.AccountId;
import io.wafleet.common.command.Presence;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sandbox_devices} holds each account's presence beside its linked device, as other workers read it. */
class MongoSandboxDevicesIT {

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://127.0.0.1:" + SERVER.bind().getPort());
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "wafleet");
    private final MongoSandboxDevices devices = new MongoSandboxDevices(mongo);

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.shutdownNow();
    }

    @Test
    void thePresenceIsStoredOnTheDeviceAndOutlivesARelink() {
        AccountId alice = AccountId.of("presence_alice");
        devices.link(new SandboxDevice(alice, "6281234567890", "6281234567890:3@s.whatsapp.net", "t1"));
        assertThat(devices.presenceOf(alice)).isEmpty();

        devices.presence(alice, Presence.AVAILABLE, AT);
        devices.presence(alice, Presence.UNAVAILABLE, AT.plusSeconds(90));
        devices.link(new SandboxDevice(alice, "6281234567890", "6281234567890:4@s.whatsapp.net", "t2"));

        assertThat(devices.presenceOf(alice)).contains(new DevicePresence(Presence.UNAVAILABLE, AT.plusSeconds(90)));
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(alice.value())), Document.class, "sandbox_devices");
        assertThat(stored.getString("presence")).isEqualTo("unavailable");
        assertThat(stored.getDate("last_seen")).isEqualTo(Date.from(AT.plusSeconds(90)));
        assertThat(stored.getString("token")).isEqualTo("t2");
    }

    @Test
    void anAccountWithoutALinkedDeviceHasNoPresence() {
        AccountId bob = AccountId.of("presence_bob");
        devices.presence(bob, Presence.AVAILABLE, AT);
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(bob.value())), "sandbox_devices")).isZero();

        devices.link(new SandboxDevice(bob, "6289876543210", "6289876543210:1@s.whatsapp.net", "t1"));
        devices.presence(bob, Presence.AVAILABLE, AT);
        devices.unlink(bob, "t1");
        assertThat(devices.presenceOf(bob)).isEmpty();
    }
}
