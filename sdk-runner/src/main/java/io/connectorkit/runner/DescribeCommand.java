package io.connectorkit.runner;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import io.connectorkit.runtime.CheckpointDescription;
import io.connectorkit.runtime.ComponentDescription;
import io.connectorkit.runtime.OptionDescription;
import io.connectorkit.runtime.CheckpointState;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code connectorkit describe --family F --name N}: a component's options (dotted key, type, default, required,
 * credential) and its checkpoint's keys and version, so that a configuration can be written without the source.
 * A credential's default is never shown.
 */
@Command(name = "describe", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Describes a component's options (key, type, default, required, credential) and its "
                + "checkpoint's keys and version.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:described",
            "2:bad command line (e.g. a --jar that cannot be read)",
            "4:no such component (the known ones are listed), or one declared by two jars or built by another release"})
final class DescribeCommand implements Callable<Integer> {

    /** Shown instead of a credential's default, which is never read. */
    static final String HIDDEN = "(credential, not shown)";

    @Option(names = "--family", required = true, description = "the component family, e.g. checkpoint")
    String family;

    @Option(names = "--name", required = true, description = "the component name, e.g. list-input")
    String name;

    @Mixin
    ComponentLookup.JarOptions jars;

    @Option(names = "--json", description = "print the description as JSON")
    boolean json;

    @Override
    public Integer call() {
        try (ComponentLookup lookup = jars.open()) {
            ComponentDescription component = lookup.manager().describe(family, name)
                    .orElseThrow(() -> lookup.unknown(family + "/" + name, ""));
            if (json) {
                System.out.println(pretty(toJson(component)));
            } else {
                print(component, System.out);
            }
            return ExitCodes.OK;
        }
    }

    private static void print(ComponentDescription component, PrintStream out) {
        out.println("component  " + component.id());
        out.println("class      " + component.type());
        out.println("version    " + component.version() + " (of the configuration)");
        out.println("reads      " + (component.partitioned() ? "in splits (a partition mapper: ck run reads its "
                + "splits in parallel, each with its own checkpoints)"
                : component.infinite() ? "as one input that never ends (an infinite emitter: ck run reads until "
                        + "stopped, or to --max-records or --max-duration)"
                : "as one input (an emitter)"));
        out.println();
        TextTable options = new TextTable("option", "type", "default", "required", "credential");
        for (OptionDescription option : component.options()) {
            options.row(option.path(), option.type(), defaultText(option), yesNo(option.required()),
                    yesNo(option.credential()));
        }
        options.print(out);
        out.println();
        CheckpointDescription checkpoint = component.checkpoint();
        if (checkpoint == null) {
            out.println("checkpoint none: the component does not checkpoint");
            return;
        }
        out.println("checkpoint " + checkpoint.type() + " at " + checkpoint.path() + ", version "
                + checkpoint.version() + (checkpoint.migrates() ? " (older versions are migrated)" : "")
                + ", interval " + checkpoint.interval()
                + (checkpoint.frequency() == Frequency.RECORD ? " records" : " ms"));
        TextTable keys = new TextTable("checkpoint key", "type", "default");
        for (OptionDescription field : checkpoint.fields()) {
            keys.row(key(field.path()), field.type(), defaultText(field));
        }
        keys.row(key(CheckpointState.VERSION_KEY), "int", String.valueOf(checkpoint.version()));
        keys.print(out);
    }

    private static String key(String field) {
        return CheckpointState.CHECKPOINT_KEY + "." + field;
    }

    private static String defaultText(OptionDescription option) {
        if (option.credential()) {
            return HIDDEN;
        }
        return option.defaultValue() == null ? "-" : option.defaultValue().toString();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static JsonObject toJson(ComponentDescription component) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("family", component.family())
                .add("name", component.name())
                .add("class", component.type())
                .add("version", component.version())
                .add("checkpoints", component.checkpoints())
                .add("partitioned", component.partitioned())
                .add("infinite", component.infinite())
                .add("options", options(component.options(), "path"));
        CheckpointDescription checkpoint = component.checkpoint();
        if (checkpoint != null) {
            json.add("checkpoint", Json.createObjectBuilder()
                    .add("path", checkpoint.path())
                    .add("class", checkpoint.type())
                    .add("version", checkpoint.version())
                    .add("migrates", checkpoint.migrates())
                    .add("frequency", checkpoint.frequency().name())
                    .add("interval", checkpoint.interval())
                    .add("fields", options(checkpoint.fields(), "key")));
        }
        return json.build();
    }

    private static JsonArrayBuilder options(List<OptionDescription> options, String keyName) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (OptionDescription option : options) {
            JsonObjectBuilder item = Json.createObjectBuilder()
                    .add(keyName, keyName.equals("key") ? key(option.path()) : option.path())
                    .add("type", option.type())
                    .add("required", option.required())
                    .add("credential", option.credential());
            if (option.defaultValue() != null) {
                item.add("default", option.defaultValue());
            }
            array.add(item);
        }
        return array;
    }

    private static String pretty(JsonObject json) {
        StringWriter text = new StringWriter();
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text).write(json);
        return text.toString().trim();
    }
}
