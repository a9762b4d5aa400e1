package dev.lambdaguice.handlers.servicecall;

import com.google.gson.JsonElement;
import java.util.List;
import java.util.StringJoiner;

/** The methods of one service with one name and arity: what a call of that name with that many arguments may mean. */
final class Overloads {

  private final String function;
  private final List<CallTarget> targets;

  Overloads(String function, List<CallTarget> targets) {
    this.function = function;
    this.targets = List.copyOf(targets);
  }

  /**
   * The target for {@code args}: the only one there is, or else the only one whose parameters take the arguments'
   * JSON kinds.
   */
  CallTarget select(List<JsonElement> args) throws ArgumentTypeException, AmbiguousCallException {
    if (targets.size() == 1) {
      return targets.get(0);
    }
    CallTarget match = null;
    int matches = 0;
    for (CallTarget target : targets) {
      if (target.method().accepts(args)) {
        match = target;
        matches++;
      }
    }
    if (matches == 1) {
      return match;
    }
    String kinds = JsonKind.describe(args);
    if (matches == 0) {
      throw new ArgumentTypeException("No overload of " + function + " with " + args.size() + " parameters takes"
          + " arguments of the JSON kinds " + kinds + "; the overloads are " + signatures(false, args));
    }
    throw new AmbiguousCallException("The call of " + function + " with arguments of the JSON kinds " + kinds
        + " fits " + matches + " overloads: " + signatures(true, args) + ". Overloads are told apart only by the"
        + " JSON kinds of their arguments (null, boolean, number, string, array, object); give these different"
        + " names, or expose an interface that has only one of them");
  }

  private String signatures(boolean onlyAccepting, List<JsonElement> args) {
    StringJoiner signatures = new StringJoiner(", ");
    for (CallTarget target : targets) {
      if (!onlyAccepting || target.method().accepts(args)) {
        signatures.add(target.method().signature());
      }
    }
    return signatures.toString();
  }
}
