package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.Presence;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * {@code sandbox_devices}: {@code _id} = account id, {@code phone_number}, {@code device_id}, {@code token},
 * and once the account set one, {@code presence} ({@code available}, {@code unavailable}) and
 * {@code last_seen}. A new link keeps the presence fields; an unlink removes the whole record.
 */
final class MongoSandboxDevices implements SandboxDevices {

    private static final String COLLECTION = "sandbox_devices";

    private final MongoTemplate mongo;

    MongoSandboxDevices(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void link(SandboxDevice device) {
        Update update = new Update()
                .set("phone_number", device.phoneNumber())
                .set("device_id", device.deviceId())
                .set("token", device.token());
        mongo.upsert(byId(device.accountId()), update, COLLECTION);
    }

    @Override
    public Optional<SandboxDevice> find(AccountId account) {
        return Optional.ofNullable(mongo.findOne(byId(account), Document.class, COLLECTION)).map(MongoSandboxDevices::device);
    }

    @Override
    public Optional<SandboxDevice> findByPhone(String phoneNumber, AccountId except) {
        Query query = Query.query(Criteria.where("phone_number").is(phoneNumber).and("_id").ne(except.value()));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoSandboxDevices::device);
    }

    /** An update, never an upsert: a device unlinked meanwhile stays unlinked. */
    @Override
    public void presence(AccountId account, Presence presence, Instant at) {
        mongo.updateFirst(byId(account), new Update().set("presence", presence.wireName()).set("last_seen", Date.from(at)),
                COLLECTION);
    }

    @Override
    public Optional<DevicePresence> presenceOf(AccountId account) {
        return Optional.ofNullable(mongo.findOne(byId(account), Document.class, COLLECTION))
                .filter(device -> device.getString("presence") != null)
                .map(device -> new DevicePresence(Presence.fromWire(device.getString("presence")),
                        device.getDate("last_seen").toInstant()));
    }

    @Override
    public void unlink(AccountId account, String token) {
        mongo.remove(Query.query(Criteria.where("_id").is(account.value()).and("token").is(token)), COLLECTION);
    }

    private static Query byId(AccountId account) {
        return Query.query(Criteria.where("_id").is(account.value()));
    }

    private static SandboxDevice device(Document document) {
        return new SandboxDevice(AccountId.of(document.getString("_id")), document.getString("phone_number"),
                document.getString("device_id"), document.getString("token"));
    }
}
