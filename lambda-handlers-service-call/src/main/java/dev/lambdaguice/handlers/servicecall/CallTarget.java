package dev.lambdaguice.handlers.servicecall;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * A {@link ServiceMethod} with the Gson adapters that read its arguments; built at the first call of its name and
 * arity, then cached.
 */
final class CallTarget {

  private final ServiceMethod method;
  private final TypeAdapter<?>[] adapters;
  private final RuntimeException[] adapterFailures;
  private final ScalarReader[] scalars;
  private final Class<?>[] valueTypes;

  CallTarget(ServiceMethod method, Gson gson) {
    this.method = method;
    this.adapters = new TypeAdapter<?>[method.arity()];
    this.adapterFailures = new RuntimeException[method.arity()];
    this.scalars = new ScalarReader[method.arity()];
    this.valueTypes = new Class<?>[method.arity()];
    for (int i = 0; i < adapters.length; i++) {
      valueTypes[i] = MethodType.methodType(method.erasedType(i)).wrap().returnType(); // int -> Integer
      try {
        adapters[i] = gson.getAdapter(TypeToken.get(method.parameterType(i)));
        scalars[i] = ScalarReader.of(method.erasedType(i), adapters[i]);
      } catch (RuntimeException e) { // Gson cannot read this type; a call that needs it fails, other calls go on
        adapterFailures[i] = e;
      }
    }
  }

  ServiceMethod method() {
    return method;
  }

  /** Reads each argument as its parameter's type. */
  Object[] convert(List<JsonElement> args) throws ArgumentTypeException {
    Object[] values = new Object[adapters.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = convert(i, args.get(i));
    }
    return values;
  }

  private Object convert(int index, JsonElement arg) throws ArgumentTypeException {
    if (adapters[index] == null) {
      throw method.argumentError(index, "cannot be read: the application's Gson has no usable adapter for "
          + typeName(index) + " (" + adapterFailures[index] + ")");
    }
    Object value = scalar(index, arg);
    if (value == null) {
      try {
        value = adapters[index].fromJsonTree(arg);
      } catch (RuntimeException e) { // the exception's message may quote the argument, so it is left out
        throw method.argumentError(index, "cannot be read as " + typeName(index) + " from "
            + JsonKind.of(arg).describe() + " (" + e.getClass().getSimpleName() + ")");
      }
    }
    if (value == null) {
      if (method.erasedType(index).isPrimitive()) {
        throw method.argumentError(index, "is null, but the parameter is a primitive " + typeName(index));
      }
      return null;
    }
    if (!valueTypes[index].isInstance(value)) { // so that invoking never fails on a cast
      throw method.argumentError(index, "was read as " + value.getClass().getName() + " by the Gson adapter for "
          + typeName(index) + ", but the method takes " + method.erasedType(index).getName());
    }
    return value;
  }

  /** The argument as read by its {@link ScalarReader}; null when there is none or Gson must read the argument. */
  private Object scalar(int index, JsonElement arg) {
    ScalarReader scalar = scalars[index];
    if (scalar == null || !(arg instanceof JsonPrimitive primitive)) {
      return null;
    }
    try {
      return scalar.read(primitive);
    } catch (RuntimeException e) { // Gson's adapter then fails the same way, and reports it as it does
      return null;
    }
  }

  private String typeName(int index) {
    return method.parameterType(index).getTypeName();
  }
}
