/**
 * Session workers as separate JVMs started from the module's executable jar, as a deployment runs
 * them: for the failover tests and the benchmark, which kill, stop and pause them with real signals.
 */
package io.wafleet.infra.process;
