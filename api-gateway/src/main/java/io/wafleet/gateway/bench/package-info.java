/** What the benchmarks need of the gateway and nothing else: a no-op route, off unless asked for. */
package io.wafleet.gateway.bench;
