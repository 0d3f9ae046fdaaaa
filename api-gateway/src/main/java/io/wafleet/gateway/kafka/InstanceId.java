package io.wafleet.gateway.kafka;

/** This gateway process's key on the reply topic; several gateway instances may run side by side. */
record InstanceId(String value) {
}
