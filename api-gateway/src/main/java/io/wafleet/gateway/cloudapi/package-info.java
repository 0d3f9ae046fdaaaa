/**
 * Meta's webhook of each Cloud API account, {@code /cloud-api/{account_id}/webhook}, open (Meta sends
 * no API key): the verification handshake (GET, answered with the challenge when the verify token
 * matches) and the notifications (POST), whose {@code X-Hub-Signature-256} is checked against the
 * account's app secret before the raw body is published as a {@code cloud_api.inbound} command. Neither
 * tells an unknown account from a wrong token.
 */
package io.wafleet.gateway.cloudapi;
