package io.connectorkit.store.s3;

import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.StoreOptions;
import io.connectorkit.store.s3.testserver.S3TestServer;
import io.connectorkit.testing.store.CheckpointStoreContract;

/** The store contract, on the S3-compatible test server: each test in a fresh prefix of its bucket. */
class S3CheckpointStoreContractTest extends CheckpointStoreContract {

    private final S3Location location = S3TestServer.shared().newLocation();

    @Override
    protected CheckpointStore newStore(StoreOptions options) {
        return S3TestServer.shared().store(location).options(options).build();
    }

    @Override
    protected void awaitBackgroundWork(CheckpointStore store) {
        ((S3CheckpointStore) store).awaitPruning();
    }
}
