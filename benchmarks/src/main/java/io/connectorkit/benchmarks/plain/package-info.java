/**
 * Framework-free baselines: the durable write a checkpoint store cannot avoid, and a coalescing background saver
 * built on it. Plain JDK code, so that the TCK driver can use it from TCK's class loader too. Part of the benchmarks
 * application, not an API: {@code Allocation}, {@code BareDurableWrite} and {@code CoalescingSaver} are public for
 * the benchmarks of the other packages and for that other class loader.
 */
package io.connectorkit.benchmarks.plain;
