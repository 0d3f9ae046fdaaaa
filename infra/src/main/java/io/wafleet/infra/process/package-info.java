/**
 * Session and webhook workers as separate JVMs started from their modules' executable jars, as a
 * deployment runs them: for the failover and crash tests and the benchmark, which kill, stop and pause
 * them with real signals. What both kinds share ({@link io.wafleet.infra.process.WorkerProcess},
 * {@link io.wafleet.infra.process.WorkerGroup}, the JVM they run in) is written once.
 */
package io.wafleet.infra.process;
