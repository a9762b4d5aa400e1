package dev.lambdaguice.handlers.sqs;

import com.google.inject.TypeLiteral;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Finds the body type {@code T} a record handler declares for {@code SqsRecordHandler<T>}. */
final class BodyType {

  private BodyType() {}

  /** The concrete {@code T} of {@code type}'s {@code SqsRecordHandler<T>}, or null if it declares none. */
  static Type of(TypeLiteral<?> type) {
    Type supertype = type.getSupertype(SqsRecordHandler.class).getType();
    Type body = supertype instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
    return body != null && isConcrete(body) ? body : null;
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
    if (type instanceof GenericArrayType a) {
      return isConcrete(a.getGenericComponentType());
    }
    return false;
  }
}
