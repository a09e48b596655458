package io.vigil.tools;

import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an option's value with the parser of the type's wire name (such as {@code Sensitivity.fromWire}), whose
 * message names the valid values; the tools' parser puts the option's name in front of it.
 */
public abstract class WireValueConverter<T> implements ITypeConverter<T> {

    private final Function<String, T> fromWire;

    protected WireValueConverter(Function<String, T> fromWire) {
        this.fromWire = fromWire;
    }

    @Override
    public T convert(String value) {
        try {
            return fromWire.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
