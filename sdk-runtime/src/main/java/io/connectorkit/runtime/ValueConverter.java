package io.connectorkit.runtime;

import io.connectorkit.api.spi.OptionModel;
import java.util.Arrays;

/** Converts a configuration string to the Java value of a scalar option. */
final class ValueConverter {

    private ValueConverter() {
    }

    /** The converted value; {@link IllegalArgumentException} with what was expected when the text does not fit. */
    static Object convert(OptionModel option, String text) {
        OptionModel.Kind kind = option.kind();
        try {
            return switch (kind) {
                case STRING -> text;
                case BOOLEAN -> parseBoolean(text);
                case BYTE -> Byte.parseByte(text);
                case SHORT -> Short.parseShort(text);
                case INT -> Integer.parseInt(text);
                case LONG -> Long.parseLong(text);
                case FLOAT -> Float.parseFloat(text);
                case DOUBLE -> Double.parseDouble(text);
                case CHAR -> parseChar(text);
                case ENUM -> parseEnum(option.type(), text);
                default -> throw new IllegalStateException(kind + " is not a scalar kind");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected(option));
        }
    }

    /** What a value of this option looks like, for messages: {@code an int}, {@code one of [BY_ID, BY_DATE]}. */
    static String expected(OptionModel option) {
        return switch (option.kind()) {
            case STRING -> "a string";
            case BOOLEAN -> "true or false";
            case BYTE -> "a byte (-128 to 127)";
            case SHORT -> "a short (-32768 to 32767)";
            case INT -> "an int";
            case LONG -> "a long";
            case FLOAT -> "a float";
            case DOUBLE -> "a double";
            case CHAR -> "a single character";
            case ENUM -> "one of " + Arrays.toString(option.type().getEnumConstants());
            case LIST -> "a list";
            case OBJECT -> "an object";
            case SERVICE -> "a service";
        };
    }

    private static Boolean parseBoolean(String text) {
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text)) {
            return Boolean.FALSE;
        }
        throw new NumberFormatException(text);
    }

    private static Character parseChar(String text) {
        if (text.length() != 1) {
            throw new NumberFormatException(text);
        }
        return text.charAt(0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parseEnum(Class<?> type, String text) {
        try {
            return Enum.valueOf((Class) type, text);
        } catch (IllegalArgumentException e) {
            throw new NumberFormatException(text);
        }
    }
}
