package io.wafleet.common.command;

/**
 * A stored media file (GridFS by default). Commands carry this reference, never the bytes, so Kafka
 * records stay small.
 */
public record MediaRef(String mediaId, String mimeType, long size, String fileName) {
}
