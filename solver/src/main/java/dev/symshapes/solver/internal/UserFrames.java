package dev.symshapes.solver.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.symshapes.solver.Location;
import dev.symshapes.solver.LocationCapture;
import java.util.Optional;

/**
 * Finds the user's code on the stack: the first frame whose class is not in a library package
 * (symshapes' own packages, the JDK, and packages a framework registers as its own). The tutorial
 * models and tests live in packages that are not in the list and therefore count as user code.
 */
public final class UserFrames {
  /** The packages of symshapes itself; classes in other packages are user code. */
  private static final ImmutableSet<String> LIBRARY_PACKAGES =
      ImmutableSet.of(
          "dev.symshapes.expr",
          "dev.symshapes.expr.text",
          "dev.symshapes.expr.eval",
          "dev.symshapes.expr.range",
          "dev.symshapes.expr.solve",
          "dev.symshapes.expr.internal",
          "dev.symshapes.solver",
          "dev.symshapes.solver.event",
          "dev.symshapes.solver.eval",
          "dev.symshapes.solver.internal",
          "dev.symshapes.solver.smt",
          "dev.symshapes.solver.constraint",
          "dev.symshapes.solver.sample",
          "dev.symshapes.solver.guardset",
          "dev.symshapes.export",
          "dev.symshapes.export.spi",
          "dev.symshapes.export.tensor",
          "dev.symshapes.export.ops",
          "dev.symshapes.export.trace",
          "dev.symshapes.export.nn",
          "dev.symshapes.export.graph",
          "dev.symshapes.export.nn",
          "dev.symshapes.export.program",
          "dev.symshapes.export.passes",
          "dev.symshapes.export.dynamic",
          "dev.symshapes.export.serde",
          "dev.symshapes.export.internal");

  private static final ImmutableList<String> PLATFORM_PREFIXES =
      ImmutableList.of("java.", "jdk.", "sun.", "com.sun.", "org.junit.", "com.google.common.");

  /**
   * Reflection frames are shown (and then skipped as platform code) because asking the walker to
   * hide them costs a check per frame that dominated the walk.
   */
  private static final StackWalker WALKER =
      StackWalker.getInstance(
          java.util.EnumSet.of(
              StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_REFLECT_FRAMES),
          16);

  /** Whether a class is symshapes' own or platform code, decided once per class. */
  private static final ClassValue<Boolean> BUILT_IN =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
          String name = c.getName();
          for (String p : PLATFORM_PREFIXES) {
            if (name.startsWith(p)) {
              return true;
            }
          }
          return LIBRARY_PACKAGES.contains(c.getPackageName());
        }
      };

  private final ImmutableList<String> extraPrefixes;
  private final LocationCapture capture;

  /**
   * A finder that also treats classes under {@code extraPrefixes} as library code; with {@link
   * LocationCapture#NONE} it finds nothing.
   */
  public UserFrames(Iterable<String> extraPrefixes, LocationCapture capture) {
    this.extraPrefixes = ImmutableList.copyOf(extraPrefixes);
    this.capture = capture;
  }

  /** The first user frame on the current stack, if any. */
  public Optional<Location> find() {
    if (capture == LocationCapture.NONE) {
      return Optional.empty();
    }
    return WALKER.walk(
        frames ->
            frames
                .filter(f -> !isLibrary(f.getDeclaringClass()))
                .findFirst()
                .map(
                    f ->
                        new Location(
                            f.getClassName(),
                            methodName(f.getMethodName()),
                            f.getFileName() == null ? "Unknown Source" : f.getFileName(),
                            f.getLineNumber())));
  }

  /**
   * The method as its author named it: javac compiles the body of a lambda in {@code forward} to
   * {@code lambda$forward$0}, which is reported as {@code forward}.
   */
  static String methodName(String compiled) {
    if (compiled.startsWith("lambda$")) {
      int end = compiled.lastIndexOf('$');
      if (end > "lambda$".length()) {
        return compiled.substring("lambda$".length(), end);
      }
    }
    return compiled;
  }

  private boolean isLibrary(Class<?> c) {
    if (BUILT_IN.get(c)) {
      return true;
    }
    if (extraPrefixes.isEmpty()) {
      return false;
    }
    String name = c.getName();
    for (String p : extraPrefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
