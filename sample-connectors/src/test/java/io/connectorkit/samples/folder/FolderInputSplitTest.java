package io.connectorkit.samples.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.testing.ConnectorTest;
import io.connectorkit.testing.ConnectorTester;
import io.connectorkit.testing.ResumeSummary;
import io.connectorkit.testing.SplitSummary;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ConnectorTest
class FolderInputSplitTest {

    @TempDir
    Path folder;

    @Test
    void splitsAreDisjointCoverTheFolderAndEachResumesOnItsOwn(ConnectorTester tester) throws IOException {
        for (String name : List.of("a.log", "b.log", "c.log")) {
            Files.writeString(folder.resolve(name), (name + " line\n").repeat(name.equals("b.log") ? 130 : 40));
        }
        Map<String, String> configuration = Map.of("configuration.folder", folder.toString());

        SplitSummary splits = tester.splitCheck("file", "folder-input", configuration)
                .recordIdentity(record -> ((JsonObject) record).getString("file") + ":"
                        + ((JsonObject) record).getInt("line"))
                .verify();
        Map<String, ResumeSummary> resumed = tester.splitCheck("file", "folder-input", configuration)
                .verifyResumeOfEachSplit(split -> split.duplicateBound(50)); // @Checkpoint(interval = 50)

        assertEquals(List.of("a.log", "b.log", "c.log"), splits.splitIds());
        assertEquals(List.of(40, 130, 40), splits.recordsPerSplit());
        assertEquals(131, resumed.get("b.log").crashPoints()); // before the first line, and after each
    }
}
