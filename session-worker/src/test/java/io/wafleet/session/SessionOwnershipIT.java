package io.wafleet.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.Topics;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who holds a session, seen from outside: fenced leases, the sandbox network's conflicts, injected
 * faults and a graceful hand-over to another worker.
 */
class SessionOwnershipIT extends SessionWorkerITSupport {

    private static final String LISTENER = "wafleet-session-commands";

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aSessionWhoseLeaseWasTakenStopsWithoutLogoutAndComesBackWhenTheLeaseIsFree() {
        String account = newAccount();
        logIn(account);
        String token = document("sandbox_devices", account).getString("token");
        long epoch = epoch(document("session_leases", account));
        int reported = statuses(account).size();

        // another worker takes the lease, as one would once this worker had stalled: it holds it for 2 s
        mongo.updateFirst(byId(account), new Update().set("owner", "intruder").set("epoch", epoch + 1)
                .set("expires_at", Date.from(Instant.now().plusSeconds(2))), "session_leases");

        await().atMost(WAIT).until(() -> document("sandbox_connections", account) == null);
        assertThat(document("session_credentials", account)).as("login kept").isNotNull();
        assertThat(document("sandbox_devices", account).getString("token")).as("device still linked").isEqualTo(token);

        await().atMost(WAIT).untilAsserted(() -> {
            Document lease = document("session_leases", account);
            assertThat(lease.getString("owner")).isEqualTo(WORKER);
            assertThat(epoch(lease)).isGreaterThan(epoch + 1);
        });
        await().atMost(WAIT).until(() -> statuses(account).size() > reported);
        assertThat(statuses(account).subList(reported, statuses(account).size())).containsOnly("logged_in");
        Document stored = document("accounts", account);
        assertThat(stored.getString("status")).isEqualTo("logged_in");
        assertThat(stored.getString("owner")).isEqualTo(WORKER);
        assertThat(epoch(stored)).isEqualTo(epoch(document("session_leases", account)));
    }

    @Test
    void aDeliberateSecondConnectionIsCountedAsAConflictAndKicksTheSession() {
        String account = newAccount();
        logIn(account);
        long conflicts = stat("conflicts");

        JsonNode reply = call("sandbox.duplicate_connection", account, "");

        assertThat(reply.path("status").asString()).isEqualTo("disconnected");
        assertThat(stat("conflicts")).isEqualTo(conflicts + 1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(account)).endsWith("disconnected:conflict"));
        assertThat(document("accounts", account).getString("status_reason")).isEqualTo("conflict");

        // the next command brings the session back, without fighting anyone
        String messageId = sendMessage(account, "3EB0" + hex(), "6281111111111", "after the conflict").messageId();
        await().atMost(WAIT).until(() -> sentEvents(account, messageId).size() == 1);
        assertThat(statuses(account)).endsWith("disconnected:conflict", "logged_in");
        assertThat(stat("conflicts")).isEqualTo(conflicts + 1);
    }

    @Test
    void aDroppedConnectionIsReconnectedFromTheStoredLogin() {
        String account = newAccount();
        logIn(account);
        long conflicts = stat("conflicts");

        JsonNode reply = call("sandbox.fault", account, "\"kind\":\"disconnect\"");

        assertThat(reply.path("status").asString()).isEqualTo("disconnected");
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(account))
                .endsWith("disconnected:connection_lost", "connecting", "logged_in"));
        Document stored = document("accounts", account);
        assertThat(stored.getString("status")).isEqualTo("logged_in");
        assertThat(stored.getString("owner")).isEqualTo(WORKER);
        assertThat(document("sandbox_connections", account)).isNotNull();
        assertThat(stat("conflicts")).isEqualTo(conflicts);
    }

    @Test
    void aLogoutFromThePhoneDeletesTheLoginAndIsNotRetried() {
        String account = newAccount();
        logIn(account);

        JsonNode reply = call("sandbox.fault", account, "\"kind\":\"logged_out\"");

        assertThat(reply.path("status").asString()).isEqualTo("logged_out");
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(account)).endsWith("logged_out:logged_out_from_phone"));
        assertThat(document("session_credentials", account)).isNull();
        Document stored = document("accounts", account);
        assertThat(stored.getString("status")).isEqualTo("logged_out");
        assertThat(stored.getString("device_id")).isNull();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> statuses(account).getLast().equals("logged_out:logged_out_from_phone"));
        assertThat(call("sandbox.fault", account, "\"kind\":\"disconnect\"").path("error").asString()).isEqualTo("not_logged_in");
    }

    @Test
    void aWorkerThatStopsHandsItsSessionsOverAtOnce() {
        long conflicts = stat("conflicts");
        ConfigurableApplicationContext second = startSecondWorker();
        String account;
        try {
            Set<Integer> secondsPartitions = await().atMost(WAIT).until(() -> partitions(second.getBean(KafkaListenerEndpointRegistry.class)),
                    assigned -> !assigned.isEmpty() && !partitions(listeners).isEmpty()
                            && assigned.stream().noneMatch(partitions(listeners)::contains));
            account = accountIn(secondsPartitions);
            logIn(account);
            assertThat(document("accounts", account).getString("owner")).isEqualTo("worker-two");
            assertThat(document("session_leases", account).getString("owner")).isEqualTo("worker-two");
        } finally {
            second.close();
        }

        assertThat(document("session_leases", account).getString("owner")).as("released, not left to expire").isNotEqualTo("worker-two");
        assertThat(document("accounts", account).getString("owner")).isNotEqualTo("worker-two");
        await().atMost(WAIT).untilAsserted(() -> {
            Document stored = document("accounts", account);
            assertThat(stored.getString("status")).isEqualTo("logged_in");
            assertThat(stored.getString("owner")).isEqualTo(WORKER);
        });
        assertThat(document("sandbox_connections", account).getString("worker")).isEqualTo(WORKER);
        assertThat(stat("conflicts")).as("no account was ever held twice").isEqualTo(conflicts);
    }

    private ConfigurableApplicationContext startSecondWorker() {
        return new SpringApplicationBuilder(SessionWorkerApplication.class).run(
                "--spring.config.name=" + SessionWorkerApplication.CONFIG_NAME,
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.mongodb.uri=" + mongoUri(),
                "--server.port=0",
                "--wafleet.worker-id=worker-two",
                "--wafleet.kafka.partitions=4",
                "--wafleet.kafka.concurrency=1",
                "--wafleet.kafka.retry-interval=100ms",
                "--wafleet.credentials.master-key=" + MASTER_KEY,
                "--wafleet.leases.duration=3s",
                "--wafleet.leases.renew-interval=500ms",
                "--wafleet.leases.safety-margin=1s");
    }

    private static Set<Integer> partitions(KafkaListenerEndpointRegistry registry) {
        MessageListenerContainer container = registry.getListenerContainer(LISTENER);
        Collection<TopicPartition> assigned = container == null ? null : container.getAssignedPartitions();
        return assigned == null ? Set.of() : assigned.stream().filter(p -> p.topic().equals(Topics.COMMANDS))
                .map(TopicPartition::partition).collect(Collectors.toSet());
    }

    private String accountIn(Set<Integer> partitions) {
        while (true) {
            String account = newAccount();
            if (partitions.contains(Topics.partitionOf(AccountId.of(account), 4))) {
                return account;
            }
        }
    }

    private long stat(String counter) {
        Document stats = mongo.findById("network", Document.class, "sandbox_stats");
        return stats == null || stats.get(counter) == null ? 0 : stats.get(counter, Number.class).longValue();
    }

    private Document document(String collection, String id) {
        return mongo.findOne(byId(id), Document.class, collection);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static long epoch(Document document) {
        Object epoch = document.containsKey("epoch") ? document.get("epoch") : document.get("lease_epoch");
        return ((Number) epoch).longValue();
    }
}
