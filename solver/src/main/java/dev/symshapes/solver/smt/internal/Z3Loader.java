package dev.symshapes.solver.smt.internal;

import dev.symshapes.solver.smt.SmtLoader;
import dev.symshapes.solver.smt.SmtOptions;
import dev.symshapes.solver.smt.SmtSolver;
import dev.symshapes.solver.smt.SmtUnavailableException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads Z3 and opens {@link Z3Solver}s. The native library is loaded by the static initializer of
 * z3-turnkey's {@code com.microsoft.z3.Native}, which unpacks it from the jar; {@link #open}
 * triggers that initializer first, so that a failure to load is reported as such. The first failure
 * is logged as a warning; later ones only make {@link #open} throw.
 */
public final class Z3Loader implements SmtLoader {
  private static final Logger LOG = LoggerFactory.getLogger("dev.symshapes.solver.smt");

  /** The prefix of the warning logged when Z3 cannot be loaded; the cause follows. */
  public static final String WARNING = "the SMT tier (Z3) is unavailable, so it answers UNKNOWN: ";

  private static final Z3Loader STANDARD = new Z3Loader(Z3Loader::initializeNatives, LOG::warn);

  private final Runnable loadNatives;
  private final Consumer<String> warn;
  private final AtomicBoolean warned = new AtomicBoolean();

  private Z3Loader(Runnable loadNatives, Consumer<String> warn) {
    this.loadNatives = loadNatives;
    this.warn = warn;
  }

  /** The loader of {@link SmtLoader#z3()}: one per process, so its warning is logged once. */
  public static Z3Loader standard() {
    return STANDARD;
  }

  /**
   * A loader with another way to load the native library and another warning sink: for tests that
   * simulate a machine where the library cannot load.
   */
  public static Z3Loader withNatives(Runnable loadNatives, Consumer<String> warn) {
    return new Z3Loader(loadNatives, warn);
  }

  private static void initializeNatives() {
    try {
      Class.forName("com.microsoft.z3.Native", true, Z3Loader.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      NoClassDefFoundError err =
          new NoClassDefFoundError("com.microsoft.z3.Native (z3-turnkey is not on the path)");
      err.initCause(e);
      throw err;
    }
  }

  @Override
  public SmtSolver open(SmtOptions options) throws SmtUnavailableException {
    try {
      loadNatives.run();
      return new Z3Solver(options);
    } catch (LinkageError | RuntimeException e) {
      // LinkageError: UnsatisfiedLinkError, ExceptionInInitializerError, NoClassDefFoundError;
      // RuntimeException: z3-turnkey's unsupported platform, a Z3Exception from the context.
      String message = "cannot load Z3: " + e;
      if (warned.compareAndSet(false, true)) {
        warn.accept(WARNING + message);
      }
      throw new SmtUnavailableException(message, e);
    }
  }
}
