/** Host-side sinks that commit records together with the checkpoint covering them (exactly-once output). */
package io.connectorkit.store.sink;
