package io.wafleet.common.command;

import java.util.Objects;

/**
 * A contact shared in a chat: its name and phone number, and the vCard WhatsApp carries them in
 * ({@link #vcard()}).
 */
public record ContactCard(String displayName, String phone) {

    public ContactCard {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(phone, "phone");
    }

    /** The vCard 3.0 of the contact, with its WhatsApp id ({@code waid}) as WhatsApp writes it. */
    public String vcard() {
        String digits = phone.replaceAll("\\D", "");
        String name = displayName.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
        return "BEGIN:VCARD\nVERSION:3.0\nFN:" + name + "\nTEL;type=CELL;waid=" + digits + ":+" + digits + "\nEND:VCARD";
    }
}
