package io.wafleet.gateway.auth;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A key as the API shows it: never the key nor its hash.
 *
 * @param scope {@code tenant} or {@code account}
 */
record KeyView(String keyId, String name, String scope, List<String> accountIds, Instant createdAt, String createdBy,
               Instant revokedAt) {

    static KeyView from(Document document) {
        return new KeyView(document.getString("_id"), document.getString("name"), document.getString("scope"),
                document.getList("account_ids", String.class, List.of()), instant(document.getDate("created_at")),
                document.getString("created_by"), instant(document.getDate("revoked_at")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
