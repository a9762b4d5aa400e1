package dev.lambdaguice.handlers.batch;

/**
 * A record's body or data does not fit the record handler's type. It fails that record only. Its message is
 * {@code <subject> <problem>} ("its body does not fit Order (...)") and never quotes the data.
 */
public final class UnreadableDataException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String problem;

  /**
   * @param subject what was read, as the message's subject ("its body", "its data")
   * @param problem what is wrong with it, as the rest of the sentence ("is empty, not JSON for Order")
   */
  public UnreadableDataException(String subject, String problem) {
    super(subject + " " + problem, null, false, false);
    this.problem = problem;
  }

  /** What is wrong, without the subject: the sentence's predicate. */
  public String problem() {
    return problem;
  }
}
