package io.wafleet.common.crypto;

/**
 * Where sealed secrets are stored in MongoDB, and what each is bound to: the services that write and
 * read them, and {@code wafleet.jar rekey}, which seals them again under the current key, agree on it
 * here. Each value is a BSON binary made by {@link SecretCipher#seal}, its associated data
 * {@link #associatedData} of the document's {@code _id} (the account id).
 */
public enum SealedField {

    /** A session worker's stored login; the only field of its kind since it was first written. */
    SESSION_CREDENTIALS("session_credentials", "data", null, ""),

    /**
     * An account's webhook secret, sealed by the gateway, opened by webhook workers. Documents written
     * before secrets were sealed hold it as plaintext in {@code webhook_secret}: still read, and replaced
     * by the sealed field when sealed again.
     */
    WEBHOOK_SECRET("account_webhooks", "webhook_secret_sealed", "webhook_secret", "account_webhooks/"),

    /**
     * An account's transport secrets, sealed by the gateway, opened by session workers: a JSON object
     * with the outbound {@code proxy} (its URI with any password) and, for the Cloud API, the
     * {@code access_token}, {@code app_secret} and {@code verify_token}.
     */
    TRANSPORT_SECRETS("accounts", "transport_secrets", null, "accounts/");

    private final String collection;
    private final String field;
    private final String plaintextField;
    private final String prefix;

    SealedField(String collection, String field, String plaintextField, String prefix) {
        this.collection = collection;
        this.field = field;
        this.plaintextField = plaintextField;
        this.prefix = prefix;
    }

    public String collection() {
        return collection;
    }

    public String field() {
        return field;
    }

    /** The field an earlier version stored the secret in as plaintext, or null if there never was one. */
    public String plaintextField() {
        return plaintextField;
    }

    /** What a value is bound to: a sealed secret copied onto another account's document does not open. */
    public String associatedData(String id) {
        return prefix + id;
    }
}
