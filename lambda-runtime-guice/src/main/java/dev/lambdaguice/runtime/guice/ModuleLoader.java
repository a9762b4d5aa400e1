package dev.lambdaguice.runtime.guice;

import com.google.inject.Module;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** Instantiates the modules named in {@code LAMBDA_GUICE_MODULES}. */
final class ModuleLoader {

  static final String VARIABLE = "LAMBDA_GUICE_MODULES";

  private final ClassLoader classLoader;

  ModuleLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  /** Loads every module of the comma-separated {@code names}, in order. */
  List<Module> load(String names) throws InitException {
    if (names == null || names.isBlank()) {
      throw new InitException(ErrorTypes.MISSING_CONFIGURATION, VARIABLE + " is not set: set it to a"
          + " comma-separated list of com.google.inject.Module class names, e.g. com.example.AppModule");
    }
    String[] parts = names.split(",", -1);
    List<Module> modules = new ArrayList<>(parts.length);
    for (int i = 0; i < parts.length; i++) {
      String name = parts[i].trim();
      if (name.isEmpty()) {
        throw new InitException(ErrorTypes.MISSING_CONFIGURATION,
            VARIABLE + " has an empty entry at position " + (i + 1) + ": '" + names + "'");
      }
      modules.add(instantiate(name));
    }
    return modules;
  }

  private Module instantiate(String name) throws InitException {
    Class<?> type;
    try {
      type = Class.forName(name, false, classLoader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new InitException(ErrorTypes.MODULE_NOT_FOUND,
          "Class " + name + " named in " + VARIABLE + " was not found on the classpath", e);
    }
    if (!Module.class.isAssignableFrom(type)) {
      throw new InitException(ErrorTypes.INVALID_MODULE,
          "Class " + name + " named in " + VARIABLE + " is not a com.google.inject.Module");
    }
    if (Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
      throw new InitException(ErrorTypes.INVALID_MODULE,
          "Module " + name + " named in " + VARIABLE + " must be a public, non-abstract class");
    }
    Constructor<?> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new InitException(ErrorTypes.INVALID_MODULE,
          "Module " + name + " named in " + VARIABLE + " has no public no-argument constructor");
    }
    try {
      return (Module) constructor.newInstance();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new InitException(ErrorTypes.MODULE_CONSTRUCTOR_FAILED,
          "The constructor of module " + name + " threw " + cause, cause);
    } catch (ExceptionInInitializerError e) {
      throw new InitException(ErrorTypes.MODULE_CONSTRUCTOR_FAILED,
          "The static initializer of module " + name + " threw " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new InitException(ErrorTypes.INVALID_MODULE, "Module " + name + " cannot be instantiated: " + e, e);
    }
  }
}
