/**
 * Groups, as go-whatsapp-web-multidevice has them, with {@code account_id}: create ({@code POST /group}),
 * info ({@code GET /group/info}), participants ({@code POST /group/participants} and its {@code /remove},
 * {@code /promote}, {@code /demote}) and leave ({@code POST /group/leave}). Each waits for the account's
 * session worker to answer on the reply topic: groups live on WhatsApp, not in the gateway.
 */
package io.wafleet.gateway.group;
