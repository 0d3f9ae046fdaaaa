package io.wafleet.gateway.account;

import io.wafleet.common.command.CommandRules;
import io.wafleet.common.connector.CloudApiSettings;
import io.wafleet.common.connector.SessionSettings;
import io.wafleet.gateway.web.ApiException;
import io.wafleet.gateway.web.Inputs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a new account is created with besides its id: its transport, the outbound proxy of a real
 * transport, and the Cloud API settings of a {@code cloud_api} account. {@link #parse} is the input rule
 * (each failure a 400 naming the field, never repeating a value: the proxy and tokens are secrets);
 * {@link #secrets} is what is sealed into {@code transport_secrets}.
 */
record AccountSettings(Transport transport, SessionSettings session, CloudApiSettings cloudApi) {

    /** The {@code cloud_api} object of {@code POST /accounts}. */
    record CloudApiRequest(String phoneNumberId, String accessToken, String appSecret, String verifyToken) {

        @Override
        public String toString() {
            return "CloudApiRequest[" + phoneNumberId + "]";
        }
    }

    static final int MAX_ACCESS_TOKEN = 4096;
    static final int MAX_APP_SECRET = 256;
    static final int MAX_VERIFY_TOKEN = 256;
    private static final Pattern PHONE_NUMBER_ID = Pattern.compile("[0-9]{1,32}");
    private static final String PROXY_FORM = "http://host:port or socks5://host:port, optionally with user:password@";

    static AccountSettings parse(String transport, String proxy, CloudApiRequest cloudApi, String defaultTransport) {
        Transport chosen = transport == null ? Transport.of(defaultTransport).orElseThrow()
                : Transport.of(transport).orElseThrow(() -> ApiException.badRequest(
                "transport must be " + Transport.ALLOWED));
        SessionSettings session = SessionSettings.DIRECT;
        if (proxy != null) {
            if (!chosen.connectsOut()) {
                throw ApiException.badRequest("proxy is not allowed with transport sandbox: it has no outbound connection");
            }
            session = new SessionSettings(proxyUri(proxy));
        }
        if (chosen != Transport.CLOUD_API) {
            if (cloudApi != null) {
                throw ApiException.badRequest("cloud_api is only allowed with transport cloud_api");
            }
            return new AccountSettings(chosen, session, null);
        }
        return new AccountSettings(chosen, session, cloudApi(cloudApi));
    }

    /** The proxy without its user and password: what the account document and the API show. */
    String publicProxy() {
        URI proxy = session.proxy();
        return proxy == null ? null : session.proxyType() + "://" + proxy.getHost() + ":" + proxy.getPort();
    }

    /** The secrets to seal, with only the keys that apply; empty when there is nothing secret. */
    Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        if (session.proxy() != null) {
            secrets.put(TransportSecrets.PROXY, session.proxy().toString());
        }
        if (cloudApi != null) {
            secrets.put(TransportSecrets.ACCESS_TOKEN, cloudApi.accessToken());
            secrets.put(TransportSecrets.APP_SECRET, cloudApi.appSecret());
            secrets.put(TransportSecrets.VERIFY_TOKEN, cloudApi.verifyToken());
        }
        return secrets;
    }

    private static URI proxyUri(String value) {
        if (value.isBlank() || value.length() > CommandRules.MAX_URL) {
            throw ApiException.badRequest("proxy must be " + PROXY_FORM + " (at most " + CommandRules.MAX_URL + " characters)");
        }
        try {
            URI uri = new URI(value);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
            if (!bare || uri.getPort() > 65_535) {
                throw ApiException.badRequest("proxy must be " + PROXY_FORM + ", without a path or query");
            }
            new SessionSettings(uri);
            return uri;
        } catch (URISyntaxException | IllegalArgumentException e) {
            // never the value or the parser's message: it would repeat the proxy's password
            throw ApiException.badRequest("proxy must be " + PROXY_FORM);
        }
    }

    private static CloudApiSettings cloudApi(CloudApiRequest request) {
        if (request == null) {
            throw ApiException.badRequest("cloud_api is required with transport cloud_api: "
                    + "{phone_number_id, access_token, app_secret, verify_token}");
        }
        if (request.phoneNumberId() == null || !PHONE_NUMBER_ID.matcher(request.phoneNumberId()).matches()) {
            throw ApiException.badRequest("cloud_api.phone_number_id is required: the phone number's id in the "
                    + "Graph API, 1-32 digits");
        }
        return new CloudApiSettings(request.phoneNumberId(),
                Inputs.text(request.accessToken(), "cloud_api.access_token", MAX_ACCESS_TOKEN),
                Inputs.text(request.appSecret(), "cloud_api.app_secret", MAX_APP_SECRET),
                Inputs.text(request.verifyToken(), "cloud_api.verify_token", MAX_VERIFY_TOKEN));
    }
}
