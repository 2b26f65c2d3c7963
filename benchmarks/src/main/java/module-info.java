// symshapes-benchmarks: JMH benchmarks and peer comparisons; never part of mvn verify.
open module dev.symshapes.benchmarks {
  requires dev.symshapes.export;
  requires jmh.core;
  requires matheclipse.core;
  requires java.management;
  requires jdk.management;
}
