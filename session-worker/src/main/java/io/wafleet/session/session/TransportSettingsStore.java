package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.CloudApiSettings;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.SessionSettings;
import io.wafleet.common.crypto.SealedField;
import io.wafleet.common.crypto.SecretCipher;
import io.wafleet.common.json.WafleetJson;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Optional;

/**
 * What the gateway stored of an account's transport on its record in {@code accounts}: {@code transport}
 * ({@code sandbox} for records older than the field), {@code cloud_api.phone_number_id}, and the sealed
 * {@code transport_secrets} ({@link SealedField#TRANSPORT_SECRETS}: the proxy with its password and the
 * Cloud API's token and secrets), opened here and never logged.
 */
@Component
class TransportSettingsStore {

    static final String DEFAULT_TRANSPORT = "sandbox";

    /** An account's transport, its session settings and, for a Cloud API account, its settings. */
    record AccountTransport(String transport, SessionSettings settings, Optional<CloudApiSettings> cloudApi) {
    }

    private static final SealedField SECRETS = SealedField.TRANSPORT_SECRETS;

    private final MongoTemplate mongo;
    private final SecretCipher cipher;

    TransportSettingsStore(MongoTemplate mongo, SecretCipher cipher) {
        this.mongo = mongo;
        this.cipher = cipher;
    }

    /**
     * The account's transport as stored; a deleted account reads as a sandbox account without settings.
     *
     * @throws ConnectorException {@code settings_unreadable} when its secrets cannot be opened
     */
    AccountTransport load(AccountId account) {
        Query query = Query.query(Criteria.where("_id").is(account.value()));
        query.fields().include("transport").include("cloud_api").include(SECRETS.field());
        Document document = mongo.findOne(query, Document.class, SECRETS.collection());
        if (document == null) {
            return new AccountTransport(DEFAULT_TRANSPORT, SessionSettings.DIRECT, Optional.empty());
        }
        String transport = document.get("transport") instanceof String name && !name.isBlank() ? name : DEFAULT_TRANSPORT;
        JsonNode secrets = secrets(account, document);
        SessionSettings settings = secrets.hasNonNull("proxy")
                ? new SessionSettings(URI.create(secrets.get("proxy").asString())) : SessionSettings.DIRECT;
        Optional<CloudApiSettings> cloudApi = Optional.empty();
        if (document.get("cloud_api") instanceof Document cloud && cloud.get("phone_number_id") instanceof String phoneNumberId) {
            cloudApi = Optional.of(new CloudApiSettings(phoneNumberId, text(secrets, "access_token"),
                    text(secrets, "app_secret"), text(secrets, "verify_token")));
        }
        return new AccountTransport(transport, settings, cloudApi);
    }

    private JsonNode secrets(AccountId account, Document document) {
        if (!(document.get(SECRETS.field()) instanceof Binary sealed)) {
            return WafleetJson.mapper().createObjectNode();
        }
        try {
            return WafleetJson.mapper().readTree(cipher.open(sealed.getData(), SECRETS.associatedData(account.value())));
        } catch (RuntimeException e) {
            // a master key that cannot open it, or a value that is not JSON: never its contents in the message
            throw new ConnectorException("settings_unreadable",
                    "the account's transport settings cannot be opened with this worker's master keys");
        }
    }

    private static String text(JsonNode secrets, String field) {
        return secrets.hasNonNull(field) ? secrets.get(field).asString() : null;
    }
}
