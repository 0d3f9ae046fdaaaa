package io.wafleet.common.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which addresses a webhook must not reach when private addresses are refused (the production
 * profile): the machine itself, the internal network, cloud metadata services. The gateway applies it
 * when a webhook is configured, the webhook worker again when it connects (DNS may have changed). An IPv6 address embedding an IPv4 one
 * (IPv4-compatible, NAT64) is judged by that; IPv4-mapped ones the JDK already returns as IPv4.
 */
public final class WebhookAddresses {

    private static final byte[] AWS_METADATA_V4 = {(byte) 169, (byte) 254, (byte) 169, (byte) 254};
    private static final byte[] AWS_METADATA_V6 = v6("fd00:ec2::254");
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private WebhookAddresses() {
    }

    /** Why the address is refused ("loopback", "private", ...), or empty for a public address. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (Arrays.equals(bytes, AWS_METADATA_V4) || Arrays.equals(bytes, AWS_METADATA_V6)) {
            return Optional.of("cloud metadata");
        }
        if (address instanceof Inet6Address && embeddedV4(bytes) != null) {
            return refusal(embeddedV4(bytes));
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        return address instanceof Inet4Address ? v4Special(bytes) : v6Special(bytes);
    }

    /** 0/8 ("this network"), 100.64/10 (carrier-grade NAT) and broadcast, which the JDK has no predicate for. */
    private static Optional<String> v4Special(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return Optional.of("unspecified");
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return Optional.of("private (carrier-grade NAT)");
        }
        if (first == 255 && Arrays.equals(b, new byte[] {-1, -1, -1, -1})) {
            return Optional.of("broadcast");
        }
        return Optional.empty();
    }

    /** fc00::/7, unique-local (the JDK's site-local covers only the deprecated fec0::/10). */
    private static Optional<String> v6Special(byte[] b) {
        return (b[0] & 0xfe) == 0xfc ? Optional.of("unique-local") : Optional.empty();
    }

    private static InetAddress embeddedV4(byte[] v6) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= v6[i] == 0;
        }
        // :: and ::1 are IPv6's own unspecified and loopback addresses, not embedded IPv4 ones.
        boolean ownSpecial = compatible && v6[12] == 0 && v6[13] == 0 && v6[14] == 0 && (v6[15] == 0 || v6[15] == 1);
        boolean nat64 = Arrays.equals(Arrays.copyOf(v6, 12), NAT64_PREFIX);
        if ((!compatible || ownSpecial) && !nat64) {
            return null;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(v6, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static byte[] v6(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an IPv6 literal: " + literal, e);
        }
    }
}
