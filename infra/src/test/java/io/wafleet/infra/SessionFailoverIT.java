package io.wafleet.infra;

import io.wafleet.infra.process.SessionWorkerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Session ownership under real failures: session workers run as separate processes from
 * {@code session-worker.jar} (the gateway and a webhook worker in this JVM, on the embedded backing
 * services) and are killed, stopped, paused and added while their sandbox accounts keep sending.
 * Every scenario checks what a user sees: accounts {@code logged_in} on a live owner, one
 * {@code message.sent} webhook per accepted send, and, from the sandbox network that sees every
 * connection of the fleet ({@code GET /sandbox/stats}), no conflict and no message sent twice.
 */
class SessionFailoverIT {

    private static final int ACCOUNTS = 30;
    /** Group session timeout, lease expiry and the restore queue, with room for a busy machine. */
    private static final Duration FAILOVER = Duration.ofSeconds(45);
    /** Well under the group session timeout: a handoff that waited for an expiry takes longer. */
    private static final Duration HANDOFF = Duration.ofSeconds(5);
    private static final Duration DELIVERY = Duration.ofSeconds(45);
    private static final int SIGTERM_EXIT = 143;

    private static ProcessFleet fleet;

    @BeforeAll
    static void startFleet() throws Exception {
        fleet = ProcessFleet.start();
    }

    @AfterAll
    static void stopFleet() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aKilledWorkersAccountsComeBackOnTheSurvivorsAndNoSendIsLostOrDoubled() throws Exception {
        try (FailoverScenario scenario = new FailoverScenario(fleet, "kill")) {
            scenario.startWorkers(3);
            scenario.logInAccounts(ACCOUNTS);
            SessionWorkerProcess victim = scenario.busiestWorker();
            long sendsBefore = scenario.sandboxSends();

            victim.kill();
            List<String> duringOutage = scenario.sendFromEveryAccount("sent while a worker is down");

            scenario.awaitServedBy(scenario.workersBut(victim), FAILOVER);
            scenario.awaitSentOnce(duringOutage, sendsBefore, DELIVERY);
            assertThat(scenario.conflictsSinceStart()).isZero();
        }
    }

    @Test
    void aStoppedWorkerHandsItsAccountsOverAtOnce() throws Exception {
        try (FailoverScenario scenario = new FailoverScenario(fleet, "term")) {
            scenario.startWorkers(3);
            scenario.logInAccounts(ACCOUNTS);
            SessionWorkerProcess leaving = scenario.busiestWorker();
            long sendsBefore = scenario.sandboxSends();

            leaving.terminate();
            List<String> duringHandoff = scenario.sendFromEveryAccount("sent while a worker leaves");

            scenario.awaitServedBy(scenario.workersBut(leaving), HANDOFF);
            assertThat(leaving.awaitExit(Duration.ofSeconds(20))).isEqualTo(SIGTERM_EXIT);
            scenario.awaitSentOnce(duringHandoff, sendsBefore, DELIVERY);
            assertThat(scenario.conflictsSinceStart()).isZero();
        }
    }

    @Test
    void anAddedWorkerTakesAShareOfTheAccountsWithoutDroppingAny() throws Exception {
        try (FailoverScenario scenario = new FailoverScenario(fleet, "scale")) {
            SessionWorkerProcess first = scenario.startWorkers(1).getFirst();
            scenario.logInAccounts(ACCOUNTS);
            long sendsBefore = scenario.sandboxSends();

            SessionWorkerProcess second = scenario.startWorkers(1).getFirst();
            List<String> whileJoining = scenario.sendFromEveryAccount("sent while a worker joins");

            await().atMost(FAILOVER).untilAsserted(() -> assertThat(scenario.states().values())
                    .extracting(FleetClient.AccountState::owner).contains(first.id(), second.id()));
            scenario.awaitServedBy(List.of(first, second), FAILOVER);
            scenario.awaitSentOnce(whileJoining, sendsBefore, DELIVERY);
            assertThat(scenario.conflictsSinceStart()).isZero();
        }
    }

    @Test
    void aPausedWorkerGivesItsAccountsUpInsteadOfFightingForThem() throws Exception {
        try (FailoverScenario scenario = new FailoverScenario(fleet, "pause")) {
            scenario.startWorkers(2);
            scenario.logInAccounts(ACCOUNTS);
            SessionWorkerProcess paused = scenario.busiestWorker();
            SessionWorkerProcess survivor = scenario.workersBut(paused).getFirst();

            paused.pause();
            // frozen past its consumer session and its leases: the survivor takes the accounts over
            scenario.awaitServedBy(List.of(survivor), FAILOVER);
            paused.resume();

            // woken up, it finds its leases taken and closes those sessions instead of reconnecting them
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
                    .until(() -> scenario.conflictsSinceStart() == 0);
            assertThat(paused.isAlive()).isTrue();
            scenario.awaitServedBy(List.of(paused, survivor), FAILOVER);
            long sendsBefore = scenario.sandboxSends();
            List<String> afterResume = scenario.sendFromEveryAccount("sent after the pause");
            scenario.awaitSentOnce(afterResume, sendsBefore, DELIVERY);
            assertThat(scenario.conflictsSinceStart()).isZero();
        }
    }

    @Test
    void theSandboxNetworkCountsASecondConnectionForOneAccount() throws Exception {
        try (FailoverScenario scenario = new FailoverScenario(fleet, "dup")) {
            scenario.startWorkers(1);
            String account = scenario.logInAccounts(1).getFirst();

            scenario.api().postEmpty("/sandbox/accounts/" + account + "/duplicate-connection").expectStatus().isOk();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(scenario.conflictsSinceStart()).isEqualTo(1);
                assertThat(fleet.hook().events("session.status")).anySatisfy(event -> {
                    assertThat(event.get("account_id").asString()).isEqualTo(account);
                    assertThat(event.get("payload").get("reason").asString()).isEqualTo("conflict");
                });
            });
        }
    }

    @Test
    void commandsAcceptedBeforeABrokerRestartAllRunAfterIt() throws Exception {
        try (FailoverScenario scenario = new FailoverScenario(fleet, "broker")) {
            List<SessionWorkerProcess> workers = scenario.startWorkers(2);
            List<String> accounts = scenario.logInAccounts(ACCOUNTS);
            long sendsBefore = scenario.sandboxSends();
            List<String> accepted = new ArrayList<>(scenario.sendFromEveryAccount("sent just before the broker stops"));

            fleet.backing().stopKafka();
            EntityExchangeResult<JsonNode> duringOutage = sendDuringOutage(scenario, accounts.getFirst());
            fleet.backing().startKafka();

            // 503 when Kafka did not take the command within the gateway's bound; a 200 is a promise like the others
            assertThat(duringOutage.getStatus().value()).isIn(200, 503);
            if (duringOutage.getStatus().value() == 200) {
                accepted.add(duringOutage.getResponseBody().get("results").get("message_id").asString());
            }
            scenario.awaitServedBy(workers, FAILOVER);
            scenario.awaitSentOnce(accepted, DELIVERY);
            List<String> afterRestart = scenario.sendFromEveryAccount("sent after the broker restart");
            scenario.awaitSentOnce(afterRestart, DELIVERY);

            // a send answered 503 may still reach Kafka from the producer's buffer: it then runs, once
            long answered503ButSent = scenario.sentWithoutMessageId(accounts.getFirst());
            assertThat(answered503ButSent).isLessThanOrEqualTo(duringOutage.getStatus().value() == 503 ? 1 : 0);
            assertThat(scenario.sandboxSends() - sendsBefore).as("sends the sandbox network saw")
                    .isEqualTo(accepted.size() + afterRestart.size() + answered503ButSent);
            assertThat(scenario.conflictsSinceStart()).isZero();
        }
    }

    private static EntityExchangeResult<JsonNode> sendDuringOutage(FailoverScenario scenario, String account) {
        return scenario.api().post("/send/message",
                        Map.of("account_id", account, "phone", "6289876543210", "message", "sent while the broker is down"))
                .expectBody(JsonNode.class).returnResult();
    }
}
