package io.wafleet.common.connector;

import java.util.Arrays;

/**
 * A session's login credentials, opaque to everything but the connector that issued them. Workers
 * store them encrypted and never log them; {@link #toString()} does not show them.
 */
public record Credentials(String connector, byte[] data) {

    @Override
    public String toString() {
        return "Credentials[" + connector + ", " + data.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credentials that && connector.equals(that.connector) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * connector.hashCode() + Arrays.hashCode(data);
    }
}
