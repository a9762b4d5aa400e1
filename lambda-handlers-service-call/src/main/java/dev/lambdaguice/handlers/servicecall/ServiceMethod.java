package dev.lambdaguice.handlers.servicecall;

import com.google.gson.JsonElement;
import com.google.inject.TypeLiteral;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;
import java.util.StringJoiner;

/** A callable method of an exposed service, with its method handle; built once, when the service is indexed. */
final class ServiceMethod {

  private final String signature;
  private final Type[] parameterTypes;
  private final Class<?>[] erasedTypes;
  private final int[] acceptedKinds;
  private final MethodHandle invoker;

  private ServiceMethod(String signature, Type[] parameterTypes, Class<?>[] erasedTypes, int[] acceptedKinds,
      MethodHandle invoker) {
    this.signature = signature;
    this.parameterTypes = parameterTypes;
    this.erasedTypes = erasedTypes;
    this.acceptedKinds = acceptedKinds;
    this.invoker = invoker;
  }

  /**
   * Prepares {@code method}, a public instance method of {@code service} or of one of its supertypes: parameter
   * types resolved against {@code service}, and a handle looked up through {@code service} by a public lookup.
   *
   * @throws ReflectiveOperationException a public lookup cannot reach the method
   */
  static ServiceMethod of(Class<?> service, Method method) throws ReflectiveOperationException {
    List<TypeLiteral<?>> resolved = TypeLiteral.get(service).getParameterTypes(method);
    int arity = resolved.size();
    Type[] types = new Type[arity];
    int[] kinds = new int[arity];
    StringJoiner parameters = new StringJoiner(", ", "(", ")");
    for (int i = 0; i < arity; i++) {
      types[i] = resolved.get(i).getType();
      kinds[i] = JsonKind.accepted(resolved.get(i).getRawType());
      parameters.add(types[i].getTypeName());
    }
    MethodHandle handle = MethodHandles.publicLookup().findVirtual(service, method.getName(),
        MethodType.methodType(method.getReturnType(), method.getParameterTypes()));
    // (Object service, Object[] args) -> Object, with null for void
    MethodHandle invoker = handle.asType(handle.type().generic()).asSpreader(Object[].class, arity);
    return new ServiceMethod(service.getName() + "." + method.getName() + parameters, types,
        method.getParameterTypes(), kinds, invoker);
  }

  /** Like {@code com.example.Calculator.add(int, int)}, with generic parameter types. */
  String signature() {
    return signature;
  }

  int arity() {
    return parameterTypes.length;
  }

  /** The parameter type to read argument {@code index} as. */
  Type parameterType(int index) {
    return parameterTypes[index];
  }

  /** The type the method takes at {@code index}, after erasure; a primitive for primitive parameters. */
  Class<?> erasedType(int index) {
    return erasedTypes[index];
  }

  /** Whether every argument is of a JSON kind its parameter takes; {@code args} has one element per parameter. */
  boolean accepts(List<JsonElement> args) {
    for (int i = 0; i < acceptedKinds.length; i++) {
      if ((acceptedKinds[i] & JsonKind.of(args.get(i)).bit()) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Calls the method on {@code service}; what it throws is rethrown as it is. */
  Object invoke(Object service, Object[] args) throws Exception {
    try {
      return (Object) invoker.invokeExact(service, args);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable t) { // neither an Exception nor an Error: only a sneaky throw gets here
      throw new IllegalStateException(signature + " threw " + t.getClass().getName()
          + ", which is neither an Exception nor an Error", t);
    }
  }

  ArgumentTypeException argumentError(int index, String problem) {
    return new ArgumentTypeException("args[" + index + "] of " + signature + " " + problem);
  }
}
