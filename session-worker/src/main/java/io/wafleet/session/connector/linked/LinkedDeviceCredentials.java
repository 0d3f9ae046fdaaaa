package io.wafleet.session.connector.linked;

import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.Credentials;
import it.auties.protobuf.stream.ProtobufInputStream;
import it.auties.whatsapp.controller.ControllerSerializer;
import it.auties.whatsapp.controller.Keys;
import it.auties.whatsapp.controller.KeysSpec;
import it.auties.whatsapp.controller.Store;
import it.auties.whatsapp.controller.StoreKeysPair;
import it.auties.whatsapp.controller.StoreSpec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A linked device's login as wafleet stores it: cobalt's keys (Signal identity, noise and pre-keys, the
 * companion identity, sessions) and store (the account's jid, phone, device settings), each in cobalt's
 * own protobuf form, framed as {@code "WFLD"}, a format version, then the two length-prefixed blobs.
 * The bytes are secret: the worker seals them in its credential store and never logs them.
 */
final class LinkedDeviceCredentials {

    static final int VERSION = 1;
    private static final int MAGIC = 0x57464C44; // "WFLD"
    private static final int MAX_PART = 64 * 1024 * 1024;

    private LinkedDeviceCredentials() {
    }

    static Credentials encode(Keys keys, Store store) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeByte(VERSION);
            writePart(out, KeysSpec.encode(keys));
            writePart(out, StoreSpec.encode(store));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Credentials(LinkedDeviceConnector.NAME, bytes.toByteArray());
    }

    /** Cobalt's keys and store from stored credentials, attached to {@code serializer} (which writes nowhere). */
    static StoreKeysPair decode(Credentials credentials, ControllerSerializer serializer) {
        if (!LinkedDeviceConnector.NAME.equals(credentials.connector())) {
            throw new ConnectorException("bad_credentials", "credentials of connector " + credentials.connector()
                    + " cannot restore a linked device");
        }
        try (var in = new DataInputStream(new ByteArrayInputStream(credentials.data()))) {
            if (in.readInt() != MAGIC) {
                throw new ConnectorException("bad_credentials", "not a linked device's stored login");
            }
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new ConnectorException("bad_credentials", "stored login of format " + version
                        + ", this worker reads " + VERSION);
            }
            // decoded from streams, as cobalt reads its own files: decoding from a byte array (StoreSpec.decode(byte[]))
            // misreads a jid with a device part, such as the account's own, in cobalt 0.0.10
            Keys keys = KeysSpec.decode(ProtobufInputStream.fromStream(new ByteArrayInputStream(readPart(in))));
            Store store = StoreSpec.decode(ProtobufInputStream.fromStream(new ByteArrayInputStream(readPart(in))));
            keys.setSerializer(serializer);
            store.setSerializer(serializer);
            return new StoreKeysPair(store, keys);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConnectorException connector) {
                throw connector;
            }
            throw new UnreadableLogin("bad_credentials", "the stored login cannot be read ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Stored bytes that are not a login; keeps the cause (its message names no key material) for the log. */
    private static final class UnreadableLogin extends ConnectorException {
        UnreadableLogin(String reason, String message, Throwable cause) {
            super(reason, message);
            initCause(cause);
        }
    }

    private static void writePart(DataOutputStream out, byte[] part) throws IOException {
        out.writeInt(part.length);
        out.write(part);
    }

    private static byte[] readPart(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_PART) {
            throw new IOException("bad part length");
        }
        return in.readNBytes(length);
    }
}
