package dev.symshapes.export.tutorial;

import dev.symshapes.solver.ShapeEnv;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void print() {
    for (TutorialCase c :
        new TutorialCase[] {new T23Decompositions()}) {
      System.out.println("==== " + c.id());
      try {
        System.out.println(c.run(ShapeEnv::builder));
      } catch (RuntimeException e) {
        e.printStackTrace(System.out);
      }
    }
  }
}
