/** Questions about other WhatsApp users asked through an account's session: {@code GET /user/check}, {@code GET /user/info}. */
package io.wafleet.gateway.user;
