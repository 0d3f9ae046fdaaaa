/** Health of the gateway's backing services, readable by every MongoDB-wire server. */
package io.wafleet.gateway.health;
