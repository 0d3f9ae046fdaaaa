/**
 * The embedded default and the launchers: a real Kafka broker and a MongoDB-wire server in-process,
 * and the whole fleet in one JVM. Nothing depends on this module.
 */
package io.wafleet.infra;
