package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.session.SessionWorkerProperties;
import io.wafleet.session.WorkerId;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code session_leases}: {@code _id} = account id, {@code owner} (worker id, null when released),
 * {@code epoch} (raised by every acquisition), {@code expires_at}. No TTL index: expiry is a field
 * compared in each update's filter, so it works on servers that never expire documents. Expiry times
 * come from the writing worker's clock; clocks are assumed to agree well within the safety margin.
 *
 * <p>Besides the documents, a local table of the leases held, each with a deadline of
 * {@code duration - safetyMargin} after the start of its last successful write: {@link #holds} answers
 * from it without a round trip, and it always turns false before the lease can expire in MongoDB.
 */
@Component
class MongoSessionLeases implements SessionLeases {

    static final String COLLECTION = "session_leases";
    /** Leases renewed per write: a renewal of many is a few short writes rather than one long one. */
    static final int RENEWAL_SLICE = 100;

    private record Held(long epoch, Instant deadline) {
    }

    private final MongoTemplate mongo;
    private final String owner;
    private final Clock clock;
    private final Duration duration;
    private final Duration margin;
    private final SessionMetrics metrics;
    private final ConcurrentMap<AccountId, Held> held = new ConcurrentHashMap<>();

    @Autowired
    MongoSessionLeases(MongoTemplate mongo, WorkerId worker, Clock clock, SessionWorkerProperties properties,
                       SessionMetrics metrics) {
        this(mongo, worker, clock, properties.leases(), metrics);
    }

    MongoSessionLeases(MongoTemplate mongo, WorkerId worker, Clock clock, SessionWorkerProperties.Leases settings,
                       SessionMetrics metrics) {
        this.metrics = metrics;
        this.mongo = mongo;
        this.owner = worker.value();
        this.clock = clock;
        this.duration = settings.duration();
        this.margin = settings.safetyMargin();
    }

    @Override
    public long acquire(AccountId account) {
        Instant now = clock.instant();
        Query claimable = Query.query(where("_id").is(account.value()).orOperator(
                where("owner").is(owner), where("owner").is(null), where("expires_at").lte(Date.from(now))));
        Update take = new Update().set("owner", owner).set("expires_at", Date.from(now.plus(duration))).inc("epoch", 1L);
        Document before;
        try {
            // the lease as it was, to tell a takeover from a free lease; the new epoch is the old one plus one
            before = mongo.findAndModify(claimable, take, FindAndModifyOptions.options().upsert(true).returnNew(false),
                    Document.class, COLLECTION);
        } catch (DuplicateKeyException heldElsewhere) {
            // the filter missed an existing lease, so the upsert tried to insert it again: another
            // worker holds it, or won the race to create it
            throw unavailable(account);
        }
        Number previous = before == null ? null : before.get("epoch", Number.class);
        long epoch = previous == null ? 1L : previous.longValue() + 1L;
        held.put(account, new Held(epoch, now.plus(duration).minus(margin)));
        metrics.leaseAcquired(sourceOf(before));
        return epoch;
    }

    private SessionMetrics.LeaseSource sourceOf(Document before) {
        if (before == null) {
            return SessionMetrics.LeaseSource.NEW;
        }
        String previousOwner = before.getString("owner");
        return previousOwner == null ? SessionMetrics.LeaseSource.FREE
                : previousOwner.equals(owner) ? SessionMetrics.LeaseSource.OWN : SessionMetrics.LeaseSource.TAKEOVER;
    }

    @Override
    public boolean holds(AccountId account, long epoch) {
        Held lease = held.get(account);
        return lease != null && lease.epoch() == epoch && clock.instant().isBefore(lease.deadline());
    }

    @Override
    public void release(AccountId account, long epoch) {
        release(List.of(new Lease(account, epoch)));
    }

    @Override
    public void release(Collection<Lease> leases) {
        if (leases.isEmpty()) {
            return;
        }
        leases.forEach(lease -> held.computeIfPresent(lease.account(), (id, mine) -> mine.epoch() == lease.epoch() ? null : mine));
        Criteria[] each = leases.stream()
                .map(lease -> where("_id").is(lease.account().value()).and("epoch").is(lease.epoch()))
                .toArray(Criteria[]::new);
        Query mine = Query.query(where("_id").in(leases.stream().map(lease -> lease.account().value()).toList())
                .and("owner").is(owner).orOperator(each));
        mongo.updateMulti(mine, new Update().set("owner", null).set("expires_at", Date.from(clock.instant())), COLLECTION);
    }

    @Override
    public List<Lease> renew() {
        Map<AccountId, Held> snapshot = Map.copyOf(held);
        if (snapshot.isEmpty()) {
            return List.of();
        }
        Instant start = clock.instant();
        Date until = Date.from(start.plus(duration));
        List<String> ids = snapshot.keySet().stream().map(AccountId::value).toList();
        Map<String, Document> found = new HashMap<>();
        // in slices, so that acquisitions (a hand-over's restores) are not queued behind one long write
        for (int from = 0; from < ids.size(); from += RENEWAL_SLICE) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + RENEWAL_SLICE));
            mongo.updateMulti(Query.query(where("_id").in(slice).and("owner").is(owner).and("expires_at").gt(Date.from(start))),
                    new Update().set("expires_at", until), COLLECTION);
            found.putAll(readBack(slice));
        }
        List<Lease> lost = new ArrayList<>();
        snapshot.forEach((account, before) -> {
            Document lease = found.get(account.value());
            boolean renewed = lease != null && owner.equals(lease.getString("owner"))
                    && lease.get("epoch", Number.class).longValue() == before.epoch() && until.equals(lease.getDate("expires_at"));
            if (renewed) {
                held.replace(account, before, new Held(before.epoch(), start.plus(duration).minus(margin)));
            } else if (held.remove(account, before)) {
                lost.add(new Lease(account, before.epoch()));
            }
        });
        return lost;
    }

    @Override
    public List<Lease> overdue() {
        Instant now = clock.instant();
        List<Lease> due = new ArrayList<>();
        held.forEach((account, lease) -> {
            if (!now.isBefore(lease.deadline()) && held.remove(account, lease)) {
                due.add(new Lease(account, lease.epoch()));
            }
        });
        return due;
    }

    private Map<String, Document> readBack(List<String> ids) {
        Query query = Query.query(where("_id").in(ids));
        query.fields().include("owner", "epoch", "expires_at");
        return mongo.find(query, Document.class, COLLECTION).stream()
                .collect(Collectors.toMap(lease -> lease.getString("_id"), Function.identity()));
    }

    private LeaseUnavailableException unavailable(AccountId account) {
        Document lease = mongo.findById(account.value(), Document.class, COLLECTION);
        Date until = lease == null ? null : lease.getDate("expires_at");
        return new LeaseUnavailableException(account, lease == null ? "another worker" : lease.getString("owner"),
                until == null ? null : until.toInstant());
    }
}
