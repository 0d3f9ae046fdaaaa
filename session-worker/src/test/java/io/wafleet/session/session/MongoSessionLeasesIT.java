package io.wafleet.session.session;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wafleet.common.AccountId;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.event.SessionStatusChanged;
import io.wafleet.session.MutableClock;
import io.wafleet.session.SessionWorkerProperties;
import io.wafleet.session.WorkerId;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Fenced leases against a MongoDB-wire server, with a clock the tests move. */
class MongoSessionLeasesIT {

    private static final SessionWorkerProperties.Leases SETTINGS =
            new SessionWorkerProperties.Leases(Duration.ofSeconds(8), Duration.ofSeconds(2), Duration.ofSeconds(2));
    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create(uri(SERVER.bind(), ""));
    private static final MongoTemplate MONGO = new MongoTemplate(CLIENT, "wafleet");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MongoSessionLeases alpha = leases("alpha", MONGO);
    private final MongoSessionLeases beta = leases("beta", MONGO);
    private final AccountId account = AccountId.of("acct-" + UUID.randomUUID().toString().substring(0, 8));

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.shutdownNow();
    }

    @Test
    void aFreeLeaseIsTakenAndRefusedToAnotherWorkerUntilItExpires() {
        long epoch = alpha.acquire(account);

        assertThat(epoch).isEqualTo(1);
        Document lease = lease();
        assertThat(lease.keySet()).containsExactlyInAnyOrder("_id", "owner", "epoch", "expires_at");
        assertThat(lease.getString("owner")).isEqualTo("alpha");
        assertThat(lease.getDate("expires_at").toInstant()).isEqualTo(clock.instant().plusSeconds(8));
        assertThat(alpha.holds(account, epoch)).isTrue();
        assertThatThrownBy(() -> beta.acquire(account)).isInstanceOfSatisfying(LeaseUnavailableException.class,
                e -> assertThat(e.retryAfter(clock)).isEqualTo(Duration.ofSeconds(8)));
        assertThat(beta.holds(account, epoch)).isFalse();
        assertThat(lease().getString("owner")).isEqualTo("alpha");
    }

    @Test
    void anExpiredLeaseIsTakenOverWithAHigherEpochAndItsFormerHolderLearnsOnRenewal() {
        long first = alpha.acquire(account);
        clock.advance(Duration.ofSeconds(8));

        long second = beta.acquire(account);

        assertThat(second).isGreaterThan(first);
        assertThat(lease().getString("owner")).isEqualTo("beta");
        assertThat(acquired("new")).isEqualTo(1);
        assertThat(acquired("takeover")).isEqualTo(1);
        assertThat(alpha.renew()).containsExactly(new SessionLeases.Lease(account, first));
        assertThat(alpha.holds(account, first)).isFalse();
        assertThat(lease().getString("owner")).isEqualTo("beta");
    }

    @Test
    void everyAcquisitionRaisesTheEpochEvenByTheSameWorker() {
        long first = alpha.acquire(account);
        long second = alpha.acquire(account);

        assertThat(second).isEqualTo(first + 1);
        assertThat(alpha.holds(account, first)).isFalse();
        assertThat(alpha.holds(account, second)).isTrue();
        assertThat(acquired("own")).isEqualTo(1);
        assertThat(acquired("takeover")).isZero();
    }

    @Test
    void renewalExtendsEveryLeaseHeldInOneGoAndReportsTheOnesTakenAway() {
        AccountId other = AccountId.of(account.value() + "-2");
        AccountId stolen = AccountId.of(account.value() + "-3");
        long epoch = alpha.acquire(account);
        alpha.acquire(other);
        long stolenEpoch = alpha.acquire(stolen);
        MONGO.updateFirst(Query.query(where("_id").is(stolen.value())),
                new Update().set("owner", "intruder").inc("epoch", 1L), MongoSessionLeases.COLLECTION);

        clock.advance(Duration.ofSeconds(3));
        List<SessionLeases.Lease> lost = alpha.renew();

        assertThat(lost).containsExactly(new SessionLeases.Lease(stolen, stolenEpoch));
        assertThat(lease().getDate("expires_at").toInstant()).isEqualTo(clock.instant().plusSeconds(8));
        clock.advance(Duration.ofSeconds(4));
        assertThat(alpha.holds(account, epoch)).as("past the first deadline, within the renewed one").isTrue();
        assertThat(alpha.overdue()).isEmpty();
        assertThat(alpha.holds(stolen, stolenEpoch)).isFalse();
    }

    @Test
    void aRenewalOfMoreLeasesThanASliceRenewsThemAllAndFindsTheOneTakenInALaterSlice() {
        List<AccountId> accounts = new ArrayList<>();
        for (int i = 0; i < MongoSessionLeases.RENEWAL_SLICE * 2 + 5; i++) {
            accounts.add(AccountId.of(account.value() + "-many-" + i));
        }
        Map<AccountId, Long> epochs = new HashMap<>();
        accounts.forEach(each -> epochs.put(each, alpha.acquire(each)));
        AccountId stolen = accounts.get(accounts.size() - 2);
        MONGO.updateFirst(Query.query(where("_id").is(stolen.value())),
                new Update().set("owner", "intruder").inc("epoch", 1L), MongoSessionLeases.COLLECTION);

        clock.advance(Duration.ofSeconds(3));
        List<SessionLeases.Lease> lost = alpha.renew();

        assertThat(lost).containsExactly(new SessionLeases.Lease(stolen, epochs.get(stolen)));
        clock.advance(Duration.ofSeconds(4));
        accounts.stream().filter(each -> !each.equals(stolen))
                .forEach(each -> assertThat(alpha.holds(each, epochs.get(each))).as(each.value()).isTrue());
        assertThat(alpha.overdue()).isEmpty();
    }

    @Test
    void aLeaseNotRenewedTurnsOverdueASafetyMarginBeforeItExpires() {
        long epoch = alpha.acquire(account);

        clock.advance(Duration.ofMillis(5_999));
        assertThat(alpha.overdue()).isEmpty();
        assertThat(alpha.holds(account, epoch)).isTrue();
        clock.advance(Duration.ofMillis(1));

        assertThat(alpha.holds(account, epoch)).isFalse();
        assertThat(alpha.overdue()).containsExactly(new SessionLeases.Lease(account, epoch));
        assertThatThrownBy(() -> beta.acquire(account)).isInstanceOf(LeaseUnavailableException.class);
    }

    @Test
    void aRenewalThatCannotReachMongoLeavesTheLeaseToExpireLocallyFirst() {
        MongoServer lonely = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(uri(lonely.bind(), "?serverSelectionTimeoutMS=300&connectTimeoutMS=300"))) {
            MongoSessionLeases cutOff = leases("alpha", new MongoTemplate(client, "wafleet"));
            long epoch = cutOff.acquire(account);
            lonely.shutdownNow();

            assertThatThrownBy(cutOff::renew).isInstanceOf(DataAccessException.class);
            clock.advance(Duration.ofSeconds(6));

            assertThat(cutOff.overdue()).containsExactly(new SessionLeases.Lease(account, epoch));
        }
    }

    @Test
    void aReleaseFreesTheLeaseOnlyAtItsOwnEpoch() {
        long epoch = alpha.acquire(account);

        alpha.release(account, epoch - 1);
        assertThat(lease().getString("owner")).isEqualTo("alpha");
        beta.release(account, epoch);
        assertThat(lease().getString("owner")).isEqualTo("alpha");

        alpha.release(account, epoch);
        assertThat(lease().getString("owner")).isNull();
        assertThat(alpha.holds(account, epoch)).isFalse();
        assertThat(beta.acquire(account)).isEqualTo(epoch + 1);
        assertThat(acquired("free")).isEqualTo(1);
    }

    @Test
    void aHandOverGivesBackManyLeasesInOneGoButNotOneTakenOverMeanwhile() {
        AccountId second = AccountId.of(account.value() + "-2");
        AccountId lost = AccountId.of(account.value() + "-3");
        List<SessionLeases.Lease> held = new ArrayList<>();
        for (AccountId each : List.of(account, second, lost)) {
            held.add(new SessionLeases.Lease(each, alpha.acquire(each)));
        }
        MONGO.updateFirst(Query.query(where("_id").is(lost.value())),
                new Update().set("owner", "beta").inc("epoch", 1L), MongoSessionLeases.COLLECTION);
        long taken = held.get(2).epoch() + 1;

        alpha.release(held);

        for (SessionLeases.Lease lease : held.subList(0, 2)) {
            assertThat(alpha.holds(lease.account(), lease.epoch())).isFalse();
            Document stored = MONGO.findById(lease.account().value(), Document.class, MongoSessionLeases.COLLECTION);
            assertThat(stored.getString("owner")).isNull();
            assertThat(beta.acquire(lease.account())).isGreaterThan(lease.epoch());
        }
        Document kept = MONGO.findById(lost.value(), Document.class, MongoSessionLeases.COLLECTION);
        assertThat(kept.getString("owner")).isEqualTo("beta");
        assertThat(kept.get("epoch", Number.class).longValue()).isEqualTo(taken);
    }

    @Test
    void workersRacingForFreeLeasesGetOneEachNeverTwo() throws Exception {
        List<AccountId> accounts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            accounts.add(AccountId.of(account.value() + "-r" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> attempts = new ArrayList<>();
            for (AccountId racedFor : accounts) {
                for (MongoSessionLeases worker : List.of(alpha, beta, leases("gamma", MONGO))) {
                    attempts.add(() -> {
                        try {
                            worker.acquire(racedFor);
                            return racedFor.value();
                        } catch (LeaseUnavailableException lost) {
                            return null;
                        }
                    });
                }
            }
            List<String> won = new ArrayList<>();
            for (Future<String> attempt : pool.invokeAll(attempts)) {
                if (attempt.get() != null) {
                    won.add(attempt.get());
                }
            }
            assertThat(won).hasSize(accounts.size()).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStatusWriteUnderAStaleEpochIsRefused() {
        AccountStore accounts = new AccountStore(MONGO, clock);
        MONGO.insert(new Document("_id", account.value()).append("status", "disconnected"), "accounts");
        long stale = alpha.acquire(account);
        clock.advance(Duration.ofSeconds(8));
        long current = beta.acquire(account);

        assertThat(accounts.statusChanged(account, current, change(SessionStatus.LOGGED_IN, "beta"), false)).isTrue();
        assertThat(accounts.statusChanged(account, stale, change(SessionStatus.FAILED, "alpha"), false)).isFalse();
        accounts.releaseOwners(List.of(new SessionLeases.Lease(account, stale)), new WorkerId("beta"));

        Document stored = MONGO.findById(account.value(), Document.class, "accounts");
        assertThat(stored.getString("status")).isEqualTo("logged_in");
        assertThat(stored.getString("owner")).isEqualTo("beta");
        assertThat(stored.get("lease_epoch", Number.class).longValue()).isEqualTo(current);
        accounts.releaseOwners(List.of(new SessionLeases.Lease(account, current)), new WorkerId("beta"));
        assertThat(MONGO.findById(account.value(), Document.class, "accounts").getString("owner")).isNull();
    }

    private static SessionStatusChanged change(SessionStatus status, String owner) {
        return new SessionStatusChanged(status, null, "6281111111111", "dev-1", owner);
    }

    private MongoSessionLeases leases(String worker, MongoTemplate mongo) {
        return new MongoSessionLeases(mongo, new WorkerId(worker), clock, SETTINGS,
                new SessionMetrics(meters, new SessionRegistry()));
    }

    private double acquired(String from) {
        return meters.get("wafleet.leases.acquired").tag("from", from).counter().count();
    }

    private Document lease() {
        return MONGO.findById(account.value(), Document.class, MongoSessionLeases.COLLECTION);
    }

    private static String uri(InetSocketAddress address, String options) {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + options;
    }
}
