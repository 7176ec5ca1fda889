package io.connectorkit.flink;

import jakarta.json.JsonObject;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink's type for the {@code JsonObject} records of a {@link ConnectorKitSource}: serialized as UTF-8 JSON text by
 * {@link JsonObjectSerializer}, never by Kryo. Give it where Flink cannot infer the type, e.g.
 * {@code .returns(JsonObjectTypeInfo.INSTANCE)} after a function that makes {@code JsonObject}s.
 */
public final class JsonObjectTypeInfo extends TypeInformation<JsonObject> {

    private static final long serialVersionUID = 1L;

    /** The one instance. */
    public static final JsonObjectTypeInfo INSTANCE = new JsonObjectTypeInfo();

    private JsonObjectTypeInfo() {
    }

    /**
     * The default {@link RecordMapper}: the record itself, when it is a {@code JsonObject}.
     *
     * @throws IllegalArgumentException naming the record's type otherwise
     */
    static JsonObject asJsonObject(Object record) {
        if (record instanceof JsonObject json) {
            return json;
        }
        throw new IllegalArgumentException("the record is a " + record.getClass().getName() + ", not a JsonObject; "
                + "build the source with build(RecordMapper, TypeInformation) to map it");
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<JsonObject> getTypeClass() {
        return JsonObject.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<JsonObject> createSerializer(SerializerConfig config) {
        return JsonObjectSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "JsonObject";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonObjectTypeInfo;
    }

    @Override
    public int hashCode() {
        return JsonObjectTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof JsonObjectTypeInfo;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
