package io.wafleet.common.command;

/**
 * A place on the map, as WhatsApp sends it: degrees of latitude (-90 to 90) and longitude (-180 to
 * 180), with an optional name and address.
 */
public record GeoLocation(double latitude, double longitude, String name, String address) {
}
