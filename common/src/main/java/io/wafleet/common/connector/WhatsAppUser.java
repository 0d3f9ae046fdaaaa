package io.wafleet.common.connector;

import java.time.Instant;
import java.util.List;

/**
 * What WhatsApp tells an account about a phone number: whether it is on WhatsApp ({@code jid} its
 * WhatsApp id when it is), and for one that is, its name, about text, presence and linked devices as
 * far as the account may see them (null when hidden or unknown).
 */
public record WhatsAppUser(String phone, boolean onWhatsapp, String jid, String verifiedName, String status,
                           String presence, Instant lastSeen, List<String> devices) {

    public static WhatsAppUser notOnWhatsApp(String phone) {
        return new WhatsAppUser(phone, false, null, null, null, null, null, List.of());
    }
}
