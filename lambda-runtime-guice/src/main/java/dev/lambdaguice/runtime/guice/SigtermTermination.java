package dev.lambdaguice.runtime.guice;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * {@code SIGTERM} through {@code sun.misc.Signal} (module {@code jdk.unsupported}, which the sample images'
 * jlinked runtime includes), and {@link System#exit} once the hooks ran.
 *
 * <p>Why not a JVM shutdown hook ({@link Runtime#addShutdownHook}), which SIGTERM also runs: the JVM runs all of
 * its shutdown hooks at once, and {@code java.util.logging}'s own one resets the log handlers, so the lines the
 * hooks log (and the warning about a hook that did not finish) would race with the logger going away; and a JVM
 * shutdown hook also runs on every {@code System.exit}, for instance after a fatal error, which Lambda does not
 * mean as a shutdown. A signal handler runs the hooks first, with logging intact, and only then lets the JVM shut
 * down. It is reached by reflection so that compiling the runtime prints no "internal proprietary API" warning
 * (which no compiler flag silences on JDK 25), and so that a runtime image without {@code jdk.unsupported} logs
 * that shutdown hooks cannot run instead of failing.
 */
final class SigtermTermination implements Termination {

  @Override
  public boolean onTerminate(Runnable onTerm) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object signal = signalClass.getConstructor(String.class).newInstance("TERM");
      Object handler = Proxy.newProxyInstance(SigtermTermination.class.getClassLoader(), new Class<?>[] {handlerClass},
          new Handler(onTerm));
      signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
      return true;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void exit(int status) {
    System.exit(status);
  }

  /** The {@code sun.misc.SignalHandler}: its one method runs the task; Object's methods behave as identity. */
  private static final class Handler implements InvocationHandler {
    private final Runnable onTerm;

    Handler(Runnable onTerm) {
      this.onTerm = onTerm;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
      switch (method.getName()) {
        case "handle":
          onTerm.run();
          return null;
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        default:
          return "SIGTERM handler of the lambda-guice runtime";
      }
    }
  }
}
