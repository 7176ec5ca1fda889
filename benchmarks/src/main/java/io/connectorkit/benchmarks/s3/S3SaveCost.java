package io.connectorkit.benchmarks.s3;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.FileCheckpointStore;
import io.connectorkit.store.StoreOptions;
import io.connectorkit.store.s3.S3CheckpointStore;
import io.connectorkit.store.s3.S3Location;
import io.connectorkit.store.s3.testserver.S3TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * What a save costs on an S3 store against the file store: requests per save (by operation, retries included) and
 * time per synchronous save, the two stores interleaved round after round on the same machine; then what resuming
 * costs ({@code loadLatest}). By default against s3proxy in this JVM (loopback, no network: the S3 figure is then the
 * SDK, HTTP and server overhead, a floor); {@code --endpoint URL --bucket NAME} measures a real server instead, with
 * the credentials of the AWS default chain.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.connectorkit.benchmarks.s3.S3SaveCost [--rounds 5]
 *     [--saves 400] [--endpoint http://127.0.0.1:9000 --bucket my-bucket [--region us-east-1]]</pre>
 */
public final class S3SaveCost {

    private S3SaveCost() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = 5;
        int saves = 400;
        String endpoint = null;
        String bucket = null;
        String region = "us-east-1";
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--saves" -> saves = Integer.parseInt(args[i + 1]);
                case "--endpoint" -> endpoint = args[i + 1];
                case "--bucket" -> bucket = args[i + 1];
                case "--region" -> region = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        RequestCounter counter = new RequestCounter();
        S3Client client;
        S3Location location;
        if (endpoint == null) {
            S3TestServer server = S3TestServer.shared();
            client = client(server.endpoint(), region, StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY)), counter);
            location = server.newLocation();
            System.out.println("S3: s3proxy " + server.endpoint() + " in this JVM (transient-nio2), loopback");
        } else {
            client = client(URI.create(endpoint), region, DefaultCredentialsProvider.builder().build(), counter);
            location = new S3Location(bucket, "connectorkit-bench-" + System.currentTimeMillis() + "/");
            System.out.println("S3: " + endpoint + " " + location);
        }
        Path dir = Files.createTempDirectory("s3-save-cost");
        JsonObject checkpoint = new CheckpointState(1, Json.createObjectBuilder().add("sinceId", 123_456_789L)
                .build()).toJson();
        List<Double> s3Micros = new ArrayList<>();
        List<Double> fileMicros = new ArrayList<>();
        Map<String, Long> s3Requests = new TreeMap<>();
        try (CheckpointStore s3 = S3CheckpointStore.builder(location).client(client).build();
             CheckpointStore file = new FileCheckpointStore(dir.resolve("store"), StoreOptions.DEFAULTS)) {
            // Warm-up: the first save claims the job, lists the partition and writes its trace.
            timeSaves(s3, checkpoint, 100);
            timeSaves(file, checkpoint, 100);
            counter.takeCounts();
            for (int round = 1; round <= rounds; round++) {
                double s3Median = median(timeSaves(s3, checkpoint, saves));
                counter.takeCounts().forEach((operation, count) -> s3Requests.merge(operation, count, Long::sum));
                double fileMedian = median(timeSaves(file, checkpoint, saves));
                s3Micros.add(s3Median);
                fileMicros.add(fileMedian);
                System.out.printf("round %d: s3 %.0f µs, file %.0f µs per save (median of %d)%n", round, s3Median,
                        fileMedian, saves);
            }
            long total = (long) rounds * saves;
            System.out.printf("%nS3 requests per save (%d saves, retention 10, pruning in the background):%n", total);
            s3Requests.forEach((operation, count) -> System.out.printf("  %-14s %.3f%n", operation,
                    count / (double) total));
            System.out.printf("time per synchronous save, median of the round medians: s3 %.0f µs (rounds %.0f-%.0f), "
                            + "file %.0f µs (rounds %.0f-%.0f)%n", median(s3Micros), Collections.min(s3Micros),
                    Collections.max(s3Micros), median(fileMicros), Collections.min(fileMicros),
                    Collections.max(fileMicros));
            List<Double> loads = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                long start = System.nanoTime();
                s3.loadLatest(SAVE_JOB, "0").orElseThrow();
                loads.add((System.nanoTime() - start) / 1_000.0);
            }
            System.out.printf("resume (loadLatest): %s requests, %.0f µs (median of 50)%n", perCall(counter, 50),
                    median(loads));
        } finally {
            client.close();
        }
        System.exit(0); // s3proxy's server threads would keep the JVM running
    }

    private static final String SAVE_JOB = "bench";

    private static List<Double> timeSaves(CheckpointStore store, JsonObject checkpoint, int saves) {
        List<Double> micros = new ArrayList<>(saves);
        for (int i = 0; i < saves; i++) {
            long start = System.nanoTime();
            store.save(SAVE_JOB, "0", "bench::s3-save-cost", checkpoint);
            micros.add((System.nanoTime() - start) / 1_000.0);
        }
        return micros;
    }

    private static String perCall(RequestCounter counter, int calls) {
        StringBuilder text = new StringBuilder();
        counter.takeCounts().forEach((operation, count) -> text.append(text.length() == 0 ? "" : " + ")
                .append(count / (double) calls).append(' ').append(operation));
        return text.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** A client as the store makes one, with the request counter. */
    private static S3Client client(URI endpoint, String region,
                                   software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials,
                                   RequestCounter counter) {
        return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(endpoint)
                .region(Region.of(region)).forcePathStyle(true)
                .serviceConfiguration(S3Configuration.builder().expectContinueEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter))
                .build();
    }
}
