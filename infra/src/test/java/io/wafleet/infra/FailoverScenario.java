package io.wafleet.infra;

import io.wafleet.infra.FleetClient.AccountState;
import io.wafleet.infra.process.SessionWorkerProcess;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One scenario of {@link SessionFailoverIT} on the shared {@link ProcessFleet}: its own session
 * workers and sandbox accounts, and the sandbox network's counters as they were when it began.
 * Closing it deletes its accounts (while its workers still run, so their stored logins go too) and
 * stops its workers, so the next scenario starts from an empty fleet.
 */
final class FailoverScenario implements AutoCloseable {

    /** A number outside the fleet: sends to it produce receipts but no inbound message. */
    private static final String OUTSIDE_PHONE = "6289876543210";
    private static final int LOGINS_IN_FLIGHT = 6;

    private final ProcessFleet fleet;
    private final FleetClient api;
    private final String name;
    private final FleetClient.SandboxStats atStart;
    private final List<String> accounts = new ArrayList<>();
    private final List<SessionWorkerProcess> workers = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();

    FailoverScenario(ProcessFleet fleet, String name) {
        this.fleet = fleet;
        this.api = fleet.api();
        this.name = name + "-" + UUID.randomUUID().toString().substring(0, 6);
        this.atStart = api.sandboxStats();
    }

    FleetClient api() {
        return api;
    }

    /** Starts {@code count} more workers of this scenario, side by side, and returns once they are ready. */
    List<SessionWorkerProcess> startWorkers(int count) {
        int first = workers.size() + 1;
        List<SessionWorkerProcess> started = fleet.startWorkers(
                IntStream.range(first, first + count).mapToObj(i -> name + "-w" + i));
        workers.addAll(started);
        return started;
    }

    /**
     * Once the workers have settled (a login caught in a rebalance loses its pending QR), creates and
     * logs in {@code count} sandbox accounts, a few at a time, and waits until all are logged_in.
     */
    List<String> logInAccounts(int count) throws InterruptedException, ExecutionException {
        fleet.awaitSettled((int) workers.stream().filter(SessionWorkerProcess::isAlive).count());
        List<String> ids = IntStream.rangeClosed(1, count).mapToObj(i -> name + "-" + i).toList();
        accounts.addAll(ids);
        try (ExecutorService logins = Executors.newFixedThreadPool(LOGINS_IN_FLIGHT)) {
            List<Future<?>> done = ids.stream().<Future<?>>map(id -> logins.submit(() -> api.createAndLogIn(id))).toList();
            for (Future<?> login : done) {
                login.get();
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(states().values())
                .hasSize(count).allSatisfy(state -> assertThat(state.status()).isEqualTo("logged_in")));
        return ids;
    }

    /** The status and owner of this scenario's accounts. */
    Map<String, AccountState> states() {
        Set<String> mine = Set.copyOf(accounts);
        return api.accounts().entrySet().stream().filter(entry -> mine.contains(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The live worker that owns the most of this scenario's accounts. */
    SessionWorkerProcess busiestWorker() {
        Map<String, Long> owned = states().values().stream()
                .filter(state -> state.owner() != null)
                .collect(Collectors.groupingBy(AccountState::owner, Collectors.counting()));
        return workers.stream().filter(SessionWorkerProcess::isAlive)
                .max(Comparator.comparing(worker -> owned.getOrDefault(worker.id(), 0L)))
                .orElseThrow();
    }

    List<SessionWorkerProcess> workersBut(SessionWorkerProcess excluded) {
        return workers.stream().filter(worker -> worker != excluded).toList();
    }

    /** One text from every account of this scenario; answers the message ids (each send answered 200, queued). */
    List<String> sendFromEveryAccount(String text) {
        List<String> ids = accounts.stream().map(account -> api.sendText(account, OUTSIDE_PHONE, text)).toList();
        sent.addAll(ids);
        return ids;
    }

    /** {@code message.sent} events of the account for messages this scenario never got a message id for. */
    long sentWithoutMessageId(String account) {
        Set<String> known = Set.copyOf(sent);
        return fleet.hook().events("message.sent").stream()
                .filter(event -> event.get("account_id").asString().equals(account))
                .filter(event -> !known.contains(event.get("payload").get("message_id").asString()))
                .map(event -> event.get("id").asString()).distinct().count();
    }

    /** Waits until every account of this scenario is logged_in on one of {@code owners}. */
    void awaitServedBy(Collection<SessionWorkerProcess> owners, Duration within) {
        Set<String> ids = owners.stream().map(SessionWorkerProcess::id).collect(Collectors.toSet());
        await().atMost(within).untilAsserted(() -> assertThat(states().values()).allSatisfy(state -> {
            assertThat(state.status()).as("status of %s", state.id()).isEqualTo("logged_in");
            assertThat(state.owner()).as("owner of %s", state.id()).isIn(ids);
        }));
    }

    /**
     * Waits until each message has its {@code message.sent} webhook, then checks that it has exactly one
     * (one event id: a receiver deduplicating on {@code X-Webhook-Id} sees it once) and no
     * {@code message.failed}.
     */
    void awaitSentOnce(Collection<String> messageIds, Duration within) {
        await().atMost(within).untilAsserted(() ->
                assertThat(eventIds("message.sent", messageIds).keySet()).containsExactlyInAnyOrderElementsOf(messageIds));
        assertThat(eventIds("message.sent", messageIds)).allSatisfy((message, events) ->
                assertThat(events).as("message.sent events of %s", message).hasSize(1));
        assertThat(eventIds("message.failed", messageIds)).isEmpty();
    }

    /**
     * As {@link #awaitSentOnce(Collection, Duration)}, and the sandbox network saw exactly these sends
     * since {@code sendsBefore}: none reached it twice (a replayed command republishes its outcome
     * under the same event id, so only the network can tell a second send).
     */
    void awaitSentOnce(Collection<String> messageIds, long sendsBefore, Duration within) {
        awaitSentOnce(messageIds, within);
        assertThat(sandboxSends() - sendsBefore).as("sends the sandbox network saw").isEqualTo(messageIds.size());
    }

    /** Sends the sandbox network has seen, fleet-wide. */
    long sandboxSends() {
        return api.sandboxStats().sends();
    }

    /** Conflicts the sandbox network counted since this scenario began. */
    long conflictsSinceStart() {
        return api.sandboxStats().conflicts() - atStart.conflicts();
    }

    private Map<String, Set<String>> eventIds(String type, Collection<String> messageIds) {
        Set<String> wanted = Set.copyOf(messageIds);
        Function<JsonNode, String> messageId = event -> event.get("payload").get("message_id").asString();
        return fleet.hook().events(type).stream()
                .filter(event -> wanted.contains(messageId.apply(event)))
                .collect(Collectors.groupingBy(messageId,
                        Collectors.mapping(event -> event.get("id").asString(), Collectors.toSet())));
    }

    @Override
    public void close() {
        try {
            accounts.forEach(account -> api.delete("/accounts/" + account).expectStatus().is2xxSuccessful());
            await().atMost(Duration.ofSeconds(30)).until(() -> fleet.storedLogins(accounts) == 0);
        } finally {
            // a worker left paused by a failed scenario would not act on SIGTERM before SIGCONT
            workers.stream().filter(SessionWorkerProcess::isAlive).forEach(SessionWorkerProcess::resume);
            workers.forEach(SessionWorkerProcess::terminate);
            for (SessionWorkerProcess worker : workers) {
                try {
                    worker.awaitExit(Duration.ofSeconds(20));
                } catch (IllegalStateException e) {
                    worker.kill();
                }
            }
        }
    }
}
