package io.connectorkit.testing.store;

import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.StoreOptions;

/**
 * The store contract on {@link MapCheckpointStore}, a store written from the public API only: proves that a store
 * made outside Connector Kit can extend the contract and pass it.
 */
class MapCheckpointStoreContractTest extends CheckpointStoreContract {

    private final MapCheckpointStore.Storage storage = new MapCheckpointStore.Storage();

    @Override
    protected CheckpointStore newStore(StoreOptions options) {
        return new MapCheckpointStore(storage, options);
    }
}
