package io.wafleet.infra.rekey;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.wafleet.common.crypto.SealedField;
import io.wafleet.common.crypto.SecretCipher;
import io.wafleet.common.crypto.SecretUnreadableException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Seals every stored secret of a {@link SealedField} again under the current master key: those sealed
 * under an earlier key, before keys had ids, or (webhook secrets from before sealing) stored in
 * plaintext. Each write is conditional on the value read, so a record a service rewrote meanwhile (it
 * seals with the current key too) is left alone. Safe to run while the fleet runs, and again.
 */
final class Rekey {

    /**
     * What one pass over a collection found.
     *
     * @param resealed   records sealed again under the current key
     * @param current    records already under the current key
     * @param changed    records rewritten by a service between read and write, left as that service wrote them
     * @param unreadable ids of records that open with none of the configured keys, each with the reason
     */
    record Result(SealedField field, int resealed, int current, int changed, List<String> unreadable) {
    }

    private final MongoDatabase database;
    private final SecretCipher cipher;

    Rekey(MongoDatabase database, SecretCipher cipher) {
        this.database = database;
        this.cipher = cipher;
    }

    Result run(SealedField field) {
        MongoCollection<Document> collection = database.getCollection(field.collection());
        int resealed = 0;
        int current = 0;
        int changed = 0;
        List<String> unreadable = new ArrayList<>();
        for (Document document : collection.find()) {
            if (!(document.get("_id") instanceof String id)) {
                continue;
            }
            Bson[] filterAndUpdate;
            try {
                filterAndUpdate = sealAgain(field, id, document);
            } catch (SecretUnreadableException e) {
                unreadable.add(id + ": " + e.getMessage());
                continue;
            }
            if (filterAndUpdate == null) {
                current++;
            } else if (collection.updateOne(filterAndUpdate[0], filterAndUpdate[1]).getModifiedCount() > 0) {
                resealed++;
            } else {
                changed++;
            }
        }
        return new Result(field, resealed, current, changed, List.copyOf(unreadable));
    }

    /** The filter (the record as read) and the update that seals it under the current key; null if it needs none. */
    private Bson[] sealAgain(SealedField field, String id, Document document) {
        String boundTo = field.associatedData(id);
        if (document.get(field.field()) instanceof Binary sealed) {
            if (cipher.isCurrent(sealed.getData())) {
                return null;
            }
            byte[] plain = cipher.open(sealed.getData(), boundTo);
            return new Bson[] {Filters.and(Filters.eq("_id", id), Filters.eq(field.field(), sealed)),
                    Updates.set(field.field(), new Binary(cipher.seal(plain, boundTo)))};
        }
        if (field.plaintextField() != null && document.get(field.plaintextField()) instanceof String plain && !plain.isEmpty()) {
            byte[] sealed = cipher.seal(plain.getBytes(StandardCharsets.UTF_8), boundTo);
            return new Bson[] {Filters.and(Filters.eq("_id", id), Filters.eq(field.plaintextField(), plain)),
                    Updates.combine(Updates.set(field.field(), new Binary(sealed)), Updates.unset(field.plaintextField()))};
        }
        return null;
    }
}
