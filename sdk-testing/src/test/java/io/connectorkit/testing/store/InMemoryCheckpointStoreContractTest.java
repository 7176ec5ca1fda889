package io.connectorkit.testing.store;

import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.InMemoryCheckpointStore;
import io.connectorkit.store.StoreOptions;

/** The store contract on {@link InMemoryCheckpointStore}; each instance is its own storage. */
class InMemoryCheckpointStoreContractTest extends CheckpointStoreContract {

    @Override
    protected CheckpointStore newStore(StoreOptions options) {
        return new InMemoryCheckpointStore(options);
    }

    @Override
    protected boolean persistent() {
        return false;
    }
}
