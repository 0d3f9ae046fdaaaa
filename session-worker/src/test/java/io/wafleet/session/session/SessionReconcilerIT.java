package io.wafleet.session.session;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.wafleet.common.AccountId;
import io.wafleet.session.SessionWorkerProperties;
import io.wafleet.session.WorkerId;
import io.wafleet.session.credentials.CredentialStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Which accounts the reconciler finds stranded, against a MongoDB-wire server. */
class SessionReconcilerIT {

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://127.0.0.1:" + SERVER.bind().getPort());
    private static final MongoTemplate MONGO = new MongoTemplate(CLIENT, "wafleet");
    private static final WorkerId ME = new WorkerId("worker-me");

    private final SessionWorkerProperties properties = new Binder(new MapConfigurationPropertySource(
            Map.of("wafleet.kafka.partitions", "4"))).bindOrCreate("wafleet", SessionWorkerProperties.class);
    private final CredentialStore credentials = mock(CredentialStore.class);
    private final OwnedPartitions owned = new OwnedPartitions(properties);
    private final SessionRegistry registry = new SessionRegistry();
    private final StartQueue starts = mock(StartQueue.class);
    private final SessionReconciler reconciler = new SessionReconciler(credentials, new AccountStore(MONGO, Clock.systemUTC()),
            owned, registry, starts, ME);

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.shutdownNow();
    }

    @Test
    void onlyOwnedLoggedInAccountsThatNobodyHereHoldsOrRestoresAreQueued() {
        owned.add(List.of(0, 1));
        List<AccountId> mine = new ArrayList<>();
        List<AccountId> others = new ArrayList<>();
        IntStream.range(0, 200).mapToObj(i -> AccountId.of("acct-" + i)).forEach(account ->
                (owned.owns(account) ? mine : others).add(account));
        AccountId stranded = mine.get(0);
        AccountId heldByAnother = mine.get(1);
        AccountId heldHere = mine.get(2);
        AccountId restoring = mine.get(3);
        AccountId failed = mine.get(4);
        AccountId noLogin = mine.get(5);
        AccountId notMine = others.get(0);
        when(credentials.accounts()).thenReturn(List.of(stranded, heldByAnother, heldHere, restoring, failed, notMine));
        account(stranded, "logged_in", null);
        account(heldByAnother, "logged_in", "worker-gone");
        account(heldHere, "logged_in", ME.value());
        account(restoring, "connecting", null);
        account(failed, "failed", null);
        account(noLogin, "logged_in", null);
        account(notMine, "logged_in", null);
        registry.put(new ManagedSession(heldHere, 1, false, null));
        when(starts.isPending(restoring)).thenReturn(true);

        assertThat(reconciler.reconcile()).containsExactlyInAnyOrder(stranded, heldByAnother);
        verify(starts).enqueue(stranded);
        verify(starts).enqueue(heldByAnother);
        verify(starts, never()).enqueue(heldHere);
        verify(starts, never()).enqueue(restoring);
        verify(starts, never()).enqueue(notMine);
    }

    private static void account(AccountId account, String status, String owner) {
        MONGO.insert(new Document("_id", account.value()).append("status", status).append("owner", owner), "accounts");
    }
}
