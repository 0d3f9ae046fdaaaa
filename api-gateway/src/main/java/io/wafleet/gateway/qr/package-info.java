/**
 * Login QR codes: the QR text a session worker issued is kept in {@code login_qr} under a random token
 * until it expires, and served as a PNG at {@code GET /qr/{token}.png} (the {@code qr_link} of a login).
 */
package io.wafleet.gateway.qr;
