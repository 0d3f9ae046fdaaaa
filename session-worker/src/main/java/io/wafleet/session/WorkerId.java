package io.wafleet.session;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * This worker's identity, written as {@code owner} on the accounts it holds. Unique per process:
 * the configured id, or hostname, pid and a short random suffix (a restarted process is a new owner).
 */
public record WorkerId(String value) {

    static WorkerId resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new WorkerId(configured.strip());
        }
        byte[] suffix = new byte[3];
        new SecureRandom().nextBytes(suffix);
        return new WorkerId(hostname() + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(suffix));
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "worker";
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
