package io.wafleet.infra.backing;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;

/**
 * Documents of the H2 file stored as BSON, the server's own wire encoding, instead of H2's default
 * (Java serialisation, which writes every value's class description with it). Java serialisation
 * made each stored document several times larger than its BSON, so H2's page cache, which counts
 * pages by that size, held a fraction of a busy collection, and every insert among evicted pages read
 * and deserialised them again (most of the embedded server's time under the webhook delivery log).
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** What H2 counts for an object on the heap beside its contents. */
    private static final int OBJECT_OVERHEAD = 24;

    private BsonDocumentType() {
    }

    /** An estimate of the document's heap size, by walking it (no encoding). */
    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = OBJECT_OVERHEAD + 32 * map.size();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = OBJECT_OVERHEAD + 8 * values.size();
            for (Object element : values) {
                size += estimate(element);
            }
            return size;
        }
        if (value instanceof String text) {
            return OBJECT_OVERHEAD + 16 + text.length();
        }
        if (value instanceof byte[] bytes) {
            return OBJECT_OVERHEAD + bytes.length;
        }
        return OBJECT_OVERHEAD;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, encoded);
            buffer.put(encoded.nioBuffer());
        } finally {
            encoded.release();
        }
    }

    /** Reads one document: BSON starts with its own length, so the buffer is left just past it. */
    @Override
    public Document read(ByteBuffer buffer) {
        int length = buffer.order() == ByteOrder.LITTLE_ENDIAN
                ? buffer.getInt(buffer.position())
                : Integer.reverseBytes(buffer.getInt(buffer.position()));
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length));
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(bson);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
