package io.connectorkit.benchmarks.s3;

import io.connectorkit.store.s3.testserver.S3TestServer;

/**
 * The tests' S3-compatible server (s3proxy, in memory) on a port of 127.0.0.1, to try an {@code s3://} store by hand
 * without an account or Docker; its contents go with the process. docs/stores.md's walk-through uses it.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.connectorkit.benchmarks.s3.LocalS3Server [9000]</pre>
 */
public final class LocalS3Server {

    private LocalS3Server() {
    }

    public static void main(String[] args) throws InterruptedException {
        S3TestServer server = S3TestServer.start(args.length > 0 ? Integer.parseInt(args[0]) : 9000);
        System.out.println("S3-compatible server (s3proxy, in memory) at " + server.endpoint() + ", bucket "
                + S3TestServer.BUCKET + ", access key " + S3TestServer.ACCESS_KEY + ", secret key "
                + S3TestServer.SECRET_KEY + " (test keys); Ctrl-C stops it");
        Thread.currentThread().join();
    }
}
