package dev.lambdaguice.handlers.servicecall;

/** Fixture: a public superclass whose public method the exposed {@link Calculator} inherits. */
public abstract class CalculatorBase {

  final Invocations invocations;

  CalculatorBase(Invocations invocations) {
    this.invocations = invocations;
  }

  public int negate(int value) {
    invocations.record("Calculator.negate");
    return -value;
  }

  /** Not callable: protected. */
  protected void internal() {
    invocations.record("Calculator.internal");
  }
}
