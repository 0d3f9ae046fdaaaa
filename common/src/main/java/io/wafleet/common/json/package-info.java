/** The contract's JSON serde for HTTP and Kafka. */
package io.wafleet.common.json;
