/**
 * Benchmarks run from the fleet jar ({@code java -jar infra/target/wafleet.jar bench ...}): each starts
 * its own fleet on this machine (embedded backing services in a temporary directory, session workers
 * as processes), measures, prints a table and cleans up after itself. Not tests: figures depend on
 * the machine, so nothing here asserts a target.
 */
package io.wafleet.infra.bench;
