package io.wafleet.session.connector.sandbox;

import io.wafleet.common.connector.WhatsAppUser;

import java.util.List;
import java.util.Optional;

/**
 * Who is on WhatsApp in the sandbox network. An account of the fleet is, with its linked device, its
 * about text and its last recorded presence. So is any other number with a country code: the sandbox
 * stands in for the rest of WhatsApp, where every such number answers (sends to it are delivered
 * and read). A number starting with 0 has no country code and is on no WhatsApp at all, which gives
 * tests and users a number that is not on WhatsApp.
 */
final class SandboxUsers {

    static final String ABOUT = "Hey there! I am using WhatsApp.";

    private final SandboxDevices devices;

    SandboxUsers(SandboxDevices devices) {
        this.devices = devices;
    }

    /** Whether the number (digits) is on WhatsApp: every number with a country code is. */
    static boolean onWhatsapp(String digits) {
        return !digits.isEmpty() && !digits.startsWith("0");
    }

    WhatsAppUser lookUp(SandboxDevice asker, String phone) {
        String digits = SandboxIds.digits(phone);
        if (!onWhatsapp(digits)) {
            return WhatsAppUser.notOnWhatsApp(digits);
        }
        String jid = SandboxIds.jid(digits);
        Optional<SandboxDevice> member = digits.equals(asker.phoneNumber()) ? Optional.of(asker)
                : devices.findByPhone(digits, asker.accountId());
        if (member.isEmpty()) {
            return new WhatsAppUser(digits, true, jid, null, ABOUT, null, null, List.of(digits + ":0"));
        }
        SandboxDevice device = member.get();
        Optional<DevicePresence> presence = devices.presenceOf(device.accountId());
        return new WhatsAppUser(digits, true, jid, null, ABOUT,
                presence.map(p -> p.presence().wireName()).orElse(null), presence.map(DevicePresence::lastSeen).orElse(null),
                List.of(digits + ":0", device.deviceId()));
    }
}
