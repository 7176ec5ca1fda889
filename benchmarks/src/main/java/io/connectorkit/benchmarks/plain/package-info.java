/**
 * Framework-free baselines: the durable write a checkpoint store cannot avoid, and a coalescing background saver
 * built on it. Plain JDK code, so that the TCK driver can use it from TCK's class loader too.
 */
package io.connectorkit.benchmarks.plain;
