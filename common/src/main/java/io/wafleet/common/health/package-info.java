/**
 * Reachability checks of the backing services (Kafka, MongoDB) for the services' readiness probes:
 * plain classes, no Spring beans. Each service wraps them in thin health indicators of its own.
 */
package io.wafleet.common.health;
