package io.wafleet.session.connector.cloudapi;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.CloudApiInbound;
import io.wafleet.common.connector.Connector;
import io.wafleet.common.connector.Session;
import io.wafleet.common.connector.SessionListener;
import io.wafleet.common.connector.SessionSettings;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Meta's WhatsApp Cloud API as a connector ({@code cloud_api}): an account is a business phone number
 * reached through the Graph API with its access token; there is no socket to hold, so a session is the
 * checked settings and what arrives through Meta's webhooks, which the gateway verifies and passes on as
 * {@link CloudApiInbound} commands to the owning worker.
 */
public class CloudApiConnector implements Connector {

    public static final String NAME = "cloud_api";

    private final GraphApiClient graph;
    private final CloudMessageIds ids;
    private final MediaFiles media;
    private final Duration timeout;
    private final Map<AccountId, CloudApiSession> open = new ConcurrentHashMap<>();

    CloudApiConnector(GraphApiClient graph, CloudMessageIds ids, MediaFiles media, Duration timeout) {
        this.graph = graph;
        this.ids = ids;
        this.media = media;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Session open(AccountId accountId, SessionListener listener, SessionSettings settings) {
        CloudApiSession session = new CloudApiSession(accountId, listener, settings, graph, ids, media, timeout,
                closed -> open.remove(accountId, closed));
        open.put(accountId, session);
        return session;
    }

    /** Hands a verified webhook to the account's session; false when it has no logged-in session here. */
    boolean deliver(CloudApiInbound inbound) {
        CloudApiSession session = open.get(inbound.accountId());
        return session != null && session.deliver(inbound.payload());
    }
}
