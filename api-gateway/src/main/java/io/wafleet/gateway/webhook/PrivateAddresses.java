package io.wafleet.gateway.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells which addresses a webhook must not reach where private addresses are refused: the machine
 * itself, the internal network, cloud metadata services. IPv6 forms that embed an IPv4 address
 * (IPv4-compatible, NAT64) are judged by that address; IPv4-mapped ones the JDK already returns as IPv4.
 */
final class PrivateAddresses {

    private static final byte[] METADATA = {(byte) 169, (byte) 254, (byte) 169, (byte) 254};
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private PrivateAddresses() {
    }

    /** What kind of non-public address this is ("loopback", "private", ...), or empty for a public one. */
    static Optional<String> kindOf(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            Optional<Inet4Address> embedded = embeddedV4(v6.getAddress());
            if (embedded.isPresent()) {
                return kindOf(embedded.get());
            }
        }
        byte[] bytes = address.getAddress();
        if (Arrays.equals(bytes, METADATA)) {
            return Optional.of("cloud metadata");
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

    /** IPv4 ranges the JDK has no predicate for: 0/8 ("this network"), 100.64/10 (carrier-grade NAT), broadcast. */
    private static Optional<String> v4Special(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return Optional.of("unspecified");
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return Optional.of("private (carrier-grade NAT)");
        }
        if (first == 255) {
            return Optional.of("broadcast");
        }
        return Optional.empty();
    }

    /** fc00::/7, the IPv6 unique-local range (the JDK's site-local covers only the deprecated fec0::/10). */
    private static Optional<String> v6Special(byte[] b) {
        return (b[0] & 0xfe) == 0xfc ? Optional.of("unique-local") : Optional.empty();
    }

    private static Optional<Inet4Address> embeddedV4(byte[] v6) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= v6[i] == 0;
        }
        boolean nat64 = Arrays.equals(Arrays.copyOf(v6, 12), NAT64_PREFIX);
        // :: and ::1 are IPv6's own unspecified and loopback addresses, not embedded IPv4 ones
        boolean ownSpecial = compatible && v6[12] == 0 && v6[13] == 0 && v6[14] == 0 && (v6[15] & 0xfe) == 0;
        if ((!compatible && !nat64) || ownSpecial) {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(v6, 12, 16)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
