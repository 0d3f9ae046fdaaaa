package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** What the sandbox mints: WhatsApp-looking QR texts, pairing codes, phone numbers, device ids and tokens. */
final class SandboxIds {

    /** No 0/O, 1/I: a code read off one screen and typed on another. */
    private static final String PAIR_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String JID_SUFFIX = "@s.whatsapp.net";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SandboxIds() {
    }

    /** {@code 2@<ref>,<noise key>,<identity key>,<adv secret>}, as WhatsApp Web's QR codes read. */
    static String qrText() {
        return "2@" + base64(24) + "," + base64(32) + "," + base64(32) + "," + base64(32);
    }

    /** {@code XXXX-XXXX} from an unambiguous alphabet. */
    static String pairCode() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(PAIR_ALPHABET.charAt(RANDOM.nextInt(PAIR_ALPHABET.length())));
        }
        return code.toString();
    }

    /** The phone of a QR login: {@code 62} and ten digits derived from the account id, the same every time. */
    static String phoneFor(AccountId account) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(account.value().getBytes(StandardCharsets.UTF_8));
            long number = 0;
            for (int i = 0; i < 8; i++) {
                number = (number << 8) | (hash[i] & 0xff);
            }
            return "62" + String.format("%010d", Math.floorMod(number, 10_000_000_000L));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The digits of a phone number or a person's JID ({@code +62 812...}, {@code 62812...@s.whatsapp.net}). */
    static String digits(String phoneOrJid) {
        String phone = phoneOrJid == null ? "" : phoneOrJid.strip();
        if (phone.endsWith(JID_SUFFIX)) {
            phone = phone.substring(0, phone.length() - JID_SUFFIX.length());
        }
        return phone.replaceAll("[^0-9]", "");
    }

    static String jid(String phoneOrJid) {
        return phoneOrJid != null && phoneOrJid.contains("@") ? phoneOrJid : digits(phoneOrJid) + JID_SUFFIX;
    }

    static String deviceId(String phone) {
        return phone + ":" + (1 + RANDOM.nextInt(20)) + JID_SUFFIX;
    }

    static String connectionId() {
        return UUID.randomUUID().toString();
    }

    static String token() {
        return base64(32);
    }

    private static String base64(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
