package io.wafleet.session.credentials;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.Credentials;
import io.wafleet.common.crypto.SealedField;
import io.wafleet.common.crypto.SecretCipher;
import io.wafleet.common.crypto.SecretUnreadableException;
import io.wafleet.session.MongoIds;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code session_credentials}: one document per logged-in account ({@code _id}, {@code connector},
 * {@code data}, {@code lease_epoch}, {@code updated_at}). {@code data} is the sealed form of the
 * credentials, phone number and device id, so nothing about the login is readable at rest.
 *
 * <p>Writes made by a session are fenced by the epoch of the lease it was opened under: a save or
 * delete is refused when the document bears a higher {@code lease_epoch}, written by a newer session.
 *
 * <p>{@code data} sealed under an earlier master key (or before keys had ids) is sealed again under the
 * current key when it is loaded, unless the document changed meanwhile.
 */
@Component
public class CredentialStore {

    static final String COLLECTION = SealedField.SESSION_CREDENTIALS.collection();
    private static final String DATA = SealedField.SESSION_CREDENTIALS.field();
    private static final String EPOCH = "lease_epoch";

    private final MongoTemplate mongo;
    private final SecretCipher cipher;
    private final Clock clock;

    public CredentialStore(MongoTemplate mongo, SecretCipher cipher, Clock clock) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Stores the login of the session holding the lease at {@code epoch}; false if a newer session's login is stored. */
    public boolean save(AccountId account, long epoch, StoredSession session) {
        byte[] sealed = cipher.seal(serialize(session), boundTo(account));
        Update update = new Update()
                .set("connector", session.credentials().connector())
                .set(DATA, new Binary(sealed))
                .set(EPOCH, epoch)
                .set("updated_at", clock.instant());
        try {
            mongo.upsert(fenced(account, epoch), update, COLLECTION);
            return true;
        } catch (DuplicateKeyException newerLogin) {
            // the filter missed an existing document, so it bears a higher epoch
            return false;
        }
    }

    /** @throws CredentialsUnreadableException if the stored login does not open with the configured master keys */
    public Optional<StoredSession> load(AccountId account) {
        Document document = mongo.findOne(byId(account), Document.class, COLLECTION);
        if (document == null) {
            return Optional.empty();
        }
        byte[] sealed = document.get(DATA, Binary.class).getData();
        byte[] plain;
        try {
            plain = cipher.open(sealed, boundTo(account));
        } catch (SecretUnreadableException e) {
            throw new CredentialsUnreadableException("stored credentials " + e.getMessage());
        }
        StoredSession session = deserialize(plain);
        if (!cipher.isCurrent(sealed)) {
            sealAgain(account, sealed, plain);
        }
        return Optional.of(session);
    }

    /** Seals the login again under the current key, unless it was replaced since it was read. */
    private void sealAgain(AccountId account, byte[] sealed, byte[] plain) {
        Query unchanged = Query.query(Criteria.where("_id").is(account.value()).and(DATA).is(new Binary(sealed)));
        mongo.updateFirst(unchanged, Update.update(DATA, new Binary(cipher.seal(plain, boundTo(account)))), COLLECTION);
    }

    private static String boundTo(AccountId account) {
        return SealedField.SESSION_CREDENTIALS.associatedData(account.value());
    }

    public boolean exists(AccountId account) {
        return MongoIds.exists(mongo, COLLECTION, account.value());
    }

    /** The name of the connector that issued the account's stored login (stored in clear), if it has one. */
    public Optional<String> connectorOf(AccountId account) {
        Query query = Query.query(Criteria.where("_id").is(account.value()));
        query.fields().include("connector");
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(found -> found.getString("connector"));
    }

    /** Deletes the login as the session holding the lease at {@code epoch}, unless a newer session stored one. */
    public void delete(AccountId account, long epoch) {
        mongo.remove(fenced(account, epoch), COLLECTION);
    }

    /** Deletes the login whoever stored it: the account itself was deleted. */
    public void delete(AccountId account) {
        mongo.remove(byId(account), COLLECTION);
    }

    /** Every account with stored credentials (ids only). */
    public List<AccountId> accounts() {
        Query query = new Query();
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(document -> document.get("_id"))
                .filter(id -> id instanceof String value && AccountId.isValid(value))
                .map(id -> AccountId.of((String) id))
                .toList();
    }

    private static Query fenced(AccountId account, long epoch) {
        return Query.query(Criteria.where("_id").is(account.value())
                .orOperator(Criteria.where(EPOCH).is(null), Criteria.where(EPOCH).lte(epoch)));
    }

    private static Query byId(AccountId account) {
        return Query.query(Criteria.where("_id").is(account.value()));
    }

    private static byte[] serialize(StoredSession session) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(session.credentials().connector());
            out.writeUTF(nullToEmpty(session.phoneNumber()));
            out.writeUTF(nullToEmpty(session.deviceId()));
            out.writeInt(session.credentials().data().length);
            out.write(session.credentials().data());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static StoredSession deserialize(byte[] plain) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            String connector = in.readUTF();
            String phone = in.readUTF();
            String device = in.readUTF();
            byte[] data = in.readNBytes(in.readInt());
            return new StoredSession(new Credentials(connector, data), emptyToNull(phone), emptyToNull(device));
        } catch (IOException e) {
            throw new CredentialsUnreadableException("stored credentials are truncated");
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
