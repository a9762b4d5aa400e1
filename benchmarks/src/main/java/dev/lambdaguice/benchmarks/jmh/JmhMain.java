package dev.lambdaguice.benchmarks.jmh;

/**
 * Runs the JMH benchmarks of this package (or what the JMH arguments select): see {@code benchmarks/run-jmh.sh}.
 */
public final class JmhMain {

  private JmhMain() {}

  public static void main(String[] args) throws Exception {
    org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {JmhMain.class.getPackageName() + ".*"});
  }
}
