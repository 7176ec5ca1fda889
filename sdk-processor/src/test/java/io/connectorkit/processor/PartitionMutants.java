package io.connectorkit.processor;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * The fixtures of {@link PartitionMapperRulesTest} that break one rule of the valid
 * {@code fixtures/partition/PartitionMapperValid.java}: each is that source, with the class renamed (its lower-case
 * name is the component name) and the text pairs below replaced, the first of each pair by the second (methods are
 * added at its {@code //EXTRA-MAPPER} and {@code //EXTRA-WORKER} lines). Written as
 * edits so that what a fixture breaks is all it says; fixtures of another shape stay files in that folder.
 */
final class PartitionMutants {

    private static final String VALID = "PartitionMapperValid";

    private static final Map<String, List<String>> EDITS = Map.ofEntries(
            Map.entry("MapperAssessorReturnsString", List.of(
                "    public long estimateSize() {\n        return configuration.parts * 3L;\n",
                "    public String estimateSize() {\n        return \"3\";\n")),
            Map.entry("MapperBlankName", List.of(
                "@PartitionMapper(family = \"part\", name = \"mapperblankname\")\n",
                "@PartitionMapper(family = \"part\", name = \" \")\n")),
            Map.entry("MapperFactoryWithId", List.of(
                "    @Emitter\n",
                "    @Emitter(family = \"part\", name = \"reader\")\n")),
            Map.entry("MapperFactoryInfinite", List.of(
                "    @Emitter\n",
                "    @Emitter(infinite = true)\n")),
            Map.entry("MapperFactoryWithParameter", List.of(
                "    public Reader read() {\n",
                "    public Reader read(int copies) {\n")),
            Map.entry("MapperOptionWithoutGetter", List.of(
                "    public Config getConfiguration() {\n        return configuration;\n    }\n",
                "")),
            Map.entry("MapperSplitIdReturnsInt", List.of(
                "    public String splitId() {\n        return \"part-\" + configuration.part;\n",
                "    public int splitId() {\n        return configuration.part;\n")),
            Map.entry("MapperSplitReturnsStrings", List.of(
                "    public List<MapperSplitReturnsStrings> split(@PartitionSize long desiredSize) {\n        List<MapperSplitReturnsStrings> splits = new ArrayList<>();\n",
                "    public List<String> split(@PartitionSize long desiredSize) {\n        List<String> splits = new ArrayList<>();\n",
                "            splits.add(new MapperSplitReturnsStrings(part));\n",
                "            splits.add(part.toString());\n")),
            Map.entry("MapperSplitTakesInt", List.of(
                "    public List<MapperSplitTakesInt> split(@PartitionSize long desiredSize) {\n",
                "    public List<MapperSplitTakesInt> split(@PartitionSize int desiredSize) {\n")),
            Map.entry("MapperSplitWithoutPartitionSize", List.of(
                "    public List<MapperSplitWithoutPartitionSize> split(@PartitionSize long desiredSize) {\n",
                "    public List<MapperSplitWithoutPartitionSize> split(long desiredSize) {\n")),
            Map.entry("MapperTwoAssessors", List.of(
                "//EXTRA-MAPPER\n",
                "    @Assessor\n    public long estimateAgain() {\n        return 1;\n    }\n")),
            Map.entry("MapperTwoFactories", List.of(
                "//EXTRA-MAPPER\n",
                "    @Emitter\n    public Reader readAgain() {\n        return new Reader(configuration);\n    }\n")),
            Map.entry("MapperTwoSplitIds", List.of(
                "//EXTRA-MAPPER\n",
                "    @SplitId\n    public String otherId() {\n        return \"x\";\n    }\n")),
            Map.entry("MapperTwoSplits", List.of(
                "//EXTRA-MAPPER\n",
                "    @Split\n    public List<MapperTwoSplits> splitAgain(@PartitionSize long desiredSize) {\n        return List.of(this);\n    }\n")),
            Map.entry("MapperWithPostConstruct", List.of(
                "//EXTRA-MAPPER\n",
                "    @PostConstruct\n    public void init() {\n    }\n")),
            Map.entry("MapperWithProducer", List.of(
                "//EXTRA-MAPPER\n",
                "    @Producer\n    public Object produce() {\n        return null;\n    }\n")),
            Map.entry("MapperWithoutFactory", List.of(
                "    @Emitter\n",
                "")),
            Map.entry("MapperWithoutSplit", List.of(
                "    @Split\n",
                "    // no @Split\n")),
            Map.entry("MapperWorkerNotAClass", List.of(
                "    public Reader read() {\n        return new Reader(configuration);\n",
                "    public int read() {\n        return 0;\n")),
            Map.entry("MapperWorkerPrivate", List.of(
                "    public static class Reader {\n",
                "    private static class Reader {\n")),
            Map.entry("MapperWorkerWithoutProducer", List.of(
                "        @Producer\n",
                "        // no @Producer\n")),
            Map.entry("WorkerCheckpointDataReturnsOtherType", List.of(
                "//EXTRA-MAPPER\n",
                "    @Checkpoint\n    public static class Other {\n        @Option public long at;\n    }\n",
                "        public State checkpoint() {\n            return configuration.state;\n",
                "        public Other checkpoint() {\n            return new Other();\n",
                "        public void committed(State durable) {\n            committed.add(durable.offset);\n",
                "        public void committed(Other durable) {\n            committed.add(durable.at);\n")),
            Map.entry("WorkerCommittedReturnsBoolean", List.of(
                "        public void committed(State durable) {\n            committed.add(durable.offset);\n",
                "        public boolean committed(State durable) {\n            return committed.add(durable.offset);\n")),
            Map.entry("WorkerCommittedTakesLong", List.of(
                "        public void committed(State durable) {\n            committed.add(durable.offset);\n",
                "        public void committed(long durable) {\n            committed.add(durable);\n")),
            Map.entry("WorkerCommittedWithoutData", List.of(
                "        @CheckpointData\n",
                "        // no @CheckpointData\n",
                "        @CheckpointAvailable\n",
                "        // no @CheckpointAvailable\n")),
            Map.entry("WorkerTwoCommitted", List.of(
                "//EXTRA-WORKER\n",
                "        @CheckpointCommitted\n        public void committedAgain(State durable) {\n        }\n")));

    private PartitionMutants() {
    }

    /** The fixture {@code name}: an edited copy of the valid mapper, or the file of that name. */
    static JavaFileObject fixture(String name) {
        List<String> edits = EDITS.get(name);
        if (edits == null) {
            return JavaFileObjects.forResource("fixtures/partition/" + name + ".java");
        }
        String source = valid().replace(VALID, name).replace(VALID.toLowerCase(), name.toLowerCase());
        for (int i = 0; i < edits.size(); i += 2) {
            String old = edits.get(i);
            if (source.indexOf(old) < 0 || source.indexOf(old) != source.lastIndexOf(old)) {
                throw new IllegalStateException(name + ": the edit's text is not once in " + VALID + ": " + old);
            }
            source = source.replace(old, edits.get(i + 1));
        }
        return JavaFileObjects.forSourceString("com.example.part." + name, source);
    }

    private static String valid() {
        try (InputStream in = PartitionMutants.class.getResourceAsStream("/fixtures/partition/" + VALID + ".java")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
