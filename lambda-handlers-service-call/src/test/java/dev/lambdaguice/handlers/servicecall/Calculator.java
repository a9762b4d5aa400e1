package dev.lambdaguice.handlers.servicecall;

import com.google.gson.JsonElement;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** Fixture: a service exposed as a class (alias {@code calc}), with overloads and methods that are not callable. */
public class Calculator extends CalculatorBase implements Transformer<String> {

  @Inject
  public Calculator(Invocations invocations) {
    super(invocations);
  }

  public int add(int a, int b) {
    invocations.record("Calculator.add");
    return a + b;
  }

  public String add(String a, String b) {
    invocations.record("Calculator.add");
    return a + b;
  }

  public List<Line> add(List<Line> a, List<Line> b) {
    invocations.record("Calculator.add");
    List<Line> all = new ArrayList<>();
    all.addAll(a == null ? List.of() : a);
    all.addAll(b == null ? List.of() : b);
    return all;
  }

  public int add(int a, int b, int c) {
    invocations.record("Calculator.add");
    return a + b + c;
  }

  /** With {@link #describe(long)}: a number fits both. */
  public String describe(int value) {
    invocations.record("Calculator.describe");
    return "int";
  }

  public String describe(long value) {
    invocations.record("Calculator.describe");
    return "long";
  }

  public String describe(String value) {
    invocations.record("Calculator.describe");
    return "string";
  }

  public long square(long value) {
    invocations.record("Calculator.square");
    return value * value;
  }

  public Integer boxed(Integer value) {
    invocations.record("Calculator.boxed");
    return value;
  }

  public boolean not(boolean value) {
    invocations.record("Calculator.not");
    return !value;
  }

  public char first(char value) {
    invocations.record("Calculator.first");
    return value;
  }

  public String typeOf(Object value) {
    invocations.record("Calculator.typeOf");
    return value == null ? "null" : value.getClass().getName();
  }

  public JsonElement tree(JsonElement value) {
    invocations.record("Calculator.tree");
    return value;
  }

  @Override
  public String transform(String value) {
    invocations.record("Calculator.transform");
    return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
  }

  /** Not callable: static. */
  public static int twice(int value) {
    Tripwires.trip("Calculator.twice");
    return 2 * value;
  }

  /** Not callable: package-private. */
  void reset() {
    invocations.record("Calculator.reset");
  }

  @Override
  public boolean equals(Object other) {
    invocations.record("Calculator.equals");
    return this == other;
  }

  @Override
  public int hashCode() {
    invocations.record("Calculator.hashCode");
    return 7;
  }

  @Override
  public String toString() {
    invocations.record("Calculator.toString");
    return "Calculator";
  }
}
