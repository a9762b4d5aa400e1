package dev.lambdaguice.runtime.guice;

import com.google.inject.TypeLiteral;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * The concrete type arguments a class gives a generic interface it implements, such as the {@code I} of
 * {@code LambdaHandler<I, O>}. For handler modules that, like the runtime, read a handler's types from its class.
 */
public final class TypeArguments {

  private TypeArguments() {}

  /**
   * The {@code index}-th type argument {@code type} gives {@code generic}, resolved through its supertypes; or null
   * when it gives none that is concrete (a raw type, a lambda, a type variable or a wildcard).
   */
  public static Type concrete(TypeLiteral<?> type, Class<?> generic, int index) {
    Type supertype = type.getSupertype(generic).getType();
    Type argument = supertype instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : null;
    return argument != null && isConcrete(argument) ? argument : null;
  }

  private static boolean isConcrete(Type type) {
    if (type instanceof Class<?>) {
      return true;
    }
    if (type instanceof ParameterizedType p) {
      for (Type argument : p.getActualTypeArguments()) {
        if (!isConcrete(argument)) {
          return false;
        }
      }
      return true;
    }
    return type instanceof GenericArrayType a && isConcrete(a.getGenericComponentType());
  }
}
