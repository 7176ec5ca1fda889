/**
 * The store contract for checkpoint store authors: {@link io.connectorkit.testing.store.CheckpointStoreContract}, a
 * JUnit 5 test class to extend with a factory for the store under test. Every store of Connector Kit passes it, and a
 * store written elsewhere proves with it that hosts can rely on it like on those.
 */
package io.connectorkit.testing.store;
