package io.wafleet.gateway.account;

import io.wafleet.common.AccountId;
import io.wafleet.common.crypto.KeyRing;
import io.wafleet.common.crypto.SealedField;
import io.wafleet.common.crypto.SecretCipher;
import io.wafleet.gateway.GatewayProperties;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seals and opens an account's {@code transport_secrets} ({@link SealedField#TRANSPORT_SECRETS}): a
 * UTF-8 JSON object with the keys that apply of {@code proxy} (the proxy's full URI, password
 * included), {@code access_token}, {@code app_secret} and {@code verify_token}, sealed under the current
 * master key and bound to the account, so that it opens on no other account's document.
 */
@Component
public class TransportSecrets {

    static final String PROXY = "proxy";
    static final String ACCESS_TOKEN = "access_token";
    static final String APP_SECRET = "app_secret";
    static final String VERIFY_TOKEN = "verify_token";

    private static final SealedField FIELD = SealedField.TRANSPORT_SECRETS;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private final SecretCipher cipher;

    @Autowired
    TransportSecrets(GatewayProperties properties) {
        this(new SecretCipher(KeyRing.load(properties.credentials())));
    }

    TransportSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** The field's name on the account document. */
    static String field() {
        return FIELD.field();
    }

    Binary seal(AccountId account, Map<String, String> secrets) {
        return new Binary(cipher.seal(JSON.writeValueAsBytes(secrets), FIELD.associatedData(account.value())));
    }

    /** The secrets of a stored value; empty when there is none. */
    Map<String, String> open(AccountId account, Object stored) {
        if (stored == null) {
            return new LinkedHashMap<>();
        }
        byte[] sealed = stored instanceof Binary binary ? binary.getData() : (byte[]) stored;
        return JSON.readValue(cipher.open(sealed, FIELD.associatedData(account.value())), MAP);
    }
}
