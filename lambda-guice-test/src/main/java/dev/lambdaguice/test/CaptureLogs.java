package dev.lambdaguice.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keeps what each test logs through {@code java.util.logging} (in the format of the root logger's handler: the
 * runtime's, once a runtime runs in the JVM) instead of printing it, and prints it only if the test fails. For
 * tests that expect warnings and errors and call handlers directly; {@link LambdaTest} does the same for its
 * functions. Tests can take a {@link CapturedLogs} parameter to assert on the lines.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LogCaptureExtension.class)
public @interface CaptureLogs {}
