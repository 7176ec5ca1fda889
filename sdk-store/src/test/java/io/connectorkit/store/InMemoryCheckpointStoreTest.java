package io.connectorkit.store;

/** The contract on {@link InMemoryCheckpointStore}; one store instance per test is its storage. */
class InMemoryCheckpointStoreTest extends CheckpointStoreContract {

    private InMemoryCheckpointStore shared;

    @Override
    CheckpointStore newStore(StoreOptions options) {
        shared = new InMemoryCheckpointStore(options);
        return shared;
    }

    @Override
    boolean persistent() {
        return false;
    }
}
