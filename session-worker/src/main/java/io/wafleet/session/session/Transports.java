package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.Connector;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.SessionSettings;
import io.wafleet.session.credentials.CredentialStore;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which connector holds an account's session, and with what settings. A new login uses the account's
 * transport; a session brought back from a stored login uses the connector that issued it (the account's
 * transport only names what its next login will use). Every connector of the worker is registered by its
 * {@link Connector#name()}.
 */
@Component
class Transports {

    /** A connector and the settings a session of it is opened with. */
    record Transport(Connector connector, SessionSettings settings) {
    }

    private final Map<String, Connector> connectors;
    private final TransportSettingsStore settings;
    private final CredentialStore credentials;

    Transports(List<Connector> connectors, TransportSettingsStore settings, CredentialStore credentials) {
        this.connectors = connectors.stream().collect(Collectors.toUnmodifiableMap(Connector::name, Function.identity()));
        this.settings = settings;
        this.credentials = credentials;
    }

    /** For a new login of the account. */
    Transport forLogin(AccountId account) {
        return forLogin(settings.load(account));
    }

    /** For a new login of an account whose settings were read already. */
    Transport forLogin(TransportSettingsStore.AccountTransport stored) {
        return new Transport(named(stored.transport()), stored.settings());
    }

    /** For a session restored from the account's stored login (the account's transport when it has none). */
    Transport forStored(AccountId account) {
        TransportSettingsStore.AccountTransport stored = settings.load(account);
        String name = credentials.connectorOf(account).orElse(stored.transport());
        return new Transport(named(name), stored.settings());
    }

    /** The account's stored transport settings (its Cloud API settings among them). */
    TransportSettingsStore.AccountTransport settingsOf(AccountId account) {
        return settings.load(account);
    }

    private Connector named(String name) {
        Connector connector = connectors.get(name);
        if (connector == null) {
            throw new ConnectorException("transport_unavailable",
                    "this worker runs no connector for the transport '" + name + "'");
        }
        return connector;
    }
}
