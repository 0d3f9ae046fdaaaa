package io.wafleet.session.credentials;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.Credentials;
import io.wafleet.session.MongoIds;
import io.wafleet.session.SessionWorkerProperties;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Autowired;
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
import java.nio.file.Path;
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
 */
@Component
public class CredentialStore {

    static final String COLLECTION = "session_credentials";
    private static final String EPOCH = "lease_epoch";

    private final MongoTemplate mongo;
    private final CredentialCipher cipher;
    private final Clock clock;

    @Autowired
    CredentialStore(MongoTemplate mongo, SessionWorkerProperties properties, Clock clock) {
        this(mongo, new CredentialCipher(MasterKey.load(properties.credentials().masterKey(),
                Path.of(properties.credentials().dataDir()))), clock);
    }

    CredentialStore(MongoTemplate mongo, CredentialCipher cipher, Clock clock) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Stores the login of the session holding the lease at {@code epoch}; false if a newer session's login is stored. */
    public boolean save(AccountId account, long epoch, StoredSession session) {
        byte[] sealed = cipher.encrypt(serialize(session), account.value());
        Update update = new Update()
                .set("connector", session.credentials().connector())
                .set("data", new Binary(sealed))
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

    public Optional<StoredSession> load(AccountId account) {
        Document document = mongo.findOne(byId(account), Document.class, COLLECTION);
        if (document == null) {
            return Optional.empty();
        }
        byte[] sealed = document.get("data", Binary.class).getData();
        return Optional.of(deserialize(cipher.decrypt(sealed, account.value())));
    }

    public boolean exists(AccountId account) {
        return MongoIds.exists(mongo, COLLECTION, account.value());
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
