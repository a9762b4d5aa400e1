package dev.lambdaguice.test;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** The root {@code java.util.logging} logger's handlers and level at one moment, to put back later. */
record RootHandlers(Handler[] handlers, Level level) {

  static Logger root() {
    return LogManager.getLogManager().getLogger("");
  }

  static RootHandlers snapshot() {
    Logger root = root();
    return new RootHandlers(root.getHandlers(), root.getLevel());
  }

  /** Makes the root logger's handlers and level those of the snapshot again. */
  void restore() {
    Logger root = root();
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    for (Handler handler : handlers) {
      root.addHandler(handler);
    }
    root.setLevel(level);
  }
}
