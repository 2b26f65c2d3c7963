package dev.symshapes.export.trace;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.symshapes.export.tensor.TensorData;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model, as PyTorch's {@code nn.Module}: parameters, buffers, sub-modules, and a public method
 * named {@code forward} whose parameters are the model's inputs.
 *
 * <pre>{@code
 * class MyModule extends Module {
 *   final Linear lin = registerModule("lin", new Linear(100, 10));
 *   public Tensor forward(Tensor x, Tensor y) {
 *     return lin.forward(x.add(y)).relu_();
 *   }
 * }
 * }</pre>
 *
 * <p>The names of {@code forward}'s parameters become the names of the exported program's inputs;
 * compile with {@code -parameters} (or name them with {@link Name}) to keep them. Modules start in
 * training mode, as in PyTorch.
 */
public abstract class Module {
  private final Map<String, Tensor> parameters = new LinkedHashMap<>();
  private final Map<String, Tensor> buffers = new LinkedHashMap<>();
  private final Map<String, Module> modules = new LinkedHashMap<>();
  private boolean training = true;

  /** Names a {@code forward} parameter when the class is compiled without {@code -parameters}. */
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @java.lang.annotation.Target(java.lang.annotation.ElementType.PARAMETER)
  public @interface Name {
    /** The input's name. */
    String value();
  }

  /** Registers a parameter (a trainable tensor such as a weight) and returns its handle. */
  protected final Tensor registerParameter(String name, TensorData value) {
    checkName(name);
    Tensor t = Tensor.of(checkNotNull(value, "value"));
    parameters.put(name, t);
    return t;
  }

  /** Registers a buffer (state such as running statistics) and returns its handle. */
  protected final Tensor registerBuffer(String name, TensorData value) {
    checkName(name);
    Tensor t = Tensor.of(checkNotNull(value, "value"));
    buffers.put(name, t);
    return t;
  }

  /** Registers a sub-module and returns it. */
  protected final <M extends Module> M registerModule(String name, M module) {
    checkName(name);
    modules.put(name, checkNotNull(module, "module"));
    return module;
  }

  private void checkName(String name) {
    checkNotNull(name, "name");
    checkArgument(
        !name.isEmpty() && !name.contains("."), "name (%s) must be non-empty without '.'", name);
    checkArgument(
        !parameters.containsKey(name) && !buffers.containsKey(name) && !modules.containsKey(name),
        "name (%s) is already registered in %s",
        name,
        getClass().getSimpleName());
  }

  /** Parameters of this module and its sub-modules by qualified name ({@code lin.weight}). */
  public final Map<String, Tensor> namedParameters() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    collect(this, "", out, true);
    return Collections.unmodifiableMap(out);
  }

  /** Buffers of this module and its sub-modules by qualified name ({@code bn.running_mean}). */
  public final Map<String, Tensor> namedBuffers() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    collect(this, "", out, false);
    return Collections.unmodifiableMap(out);
  }

  private static void collect(Module m, String prefix, Map<String, Tensor> out, boolean params) {
    for (Map.Entry<String, Tensor> e : (params ? m.parameters : m.buffers).entrySet()) {
      out.put(prefix + e.getKey(), e.getValue());
    }
    for (Map.Entry<String, Module> e : m.modules.entrySet()) {
      collect(e.getValue(), prefix + e.getKey() + ".", out, params);
    }
  }

  /** The direct sub-modules. */
  public final Map<String, Module> children() {
    return Collections.unmodifiableMap(modules);
  }

  /** Training mode (the default): batch norm uses batch statistics and updates its buffers. */
  public final Module train() {
    setTraining(true);
    return this;
  }

  /** Evaluation mode: batch norm uses its running statistics. */
  public final Module eval() {
    setTraining(false);
    return this;
  }

  private void setTraining(boolean t) {
    training = t;
    for (Module m : modules.values()) {
      m.setTraining(t);
    }
  }

  /** Whether the module is in training mode. */
  public final boolean isTraining() {
    return training;
  }

  /**
   * Calls {@code forward} with {@code inputs}.
   *
   * @throws IllegalArgumentException if the number of inputs does not match
   */
  public final Object call(Object... inputs) {
    Method m = forwardMethod();
    checkArgument(
        m.getParameterCount() == inputs.length,
        "%s.forward takes %s inputs (%s) but %s were given",
        getClass().getSimpleName(),
        m.getParameterCount(),
        String.join(", ", forwardParameterNames()),
        inputs.length);
    try {
      return m.invoke(this, inputs);
    } catch (InvocationTargetException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(
          getClass().getName() + ".forward is not accessible: make the class and method public", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(mismatch(m, inputs), e);
    }
  }

  /**
   * Why reflection refused {@code inputs}: {@code DynamicModel.forward takes a Tensor as input 1
   * (x), but got Integer 4}.
   */
  private String mismatch(Method m, Object[] inputs) {
    Class<?>[] types = m.getParameterTypes();
    List<String> names = forwardParameterNames();
    for (int i = 0; i < types.length; i++) {
      Object in = inputs[i];
      Class<?> want = types[i].isPrimitive() ? boxed(types[i]) : types[i];
      if (in == null ? types[i].isPrimitive() : !want.isInstance(in)) {
        String got =
            in == null
                ? "null"
                : in instanceof Number || in instanceof Boolean || in instanceof String
                    ? in.getClass().getSimpleName() + " " + in
                    : in.getClass().getSimpleName();
        return getClass().getSimpleName()
            + ".forward takes a"
            + (startsWithVowel(types[i].getSimpleName()) ? "n " : " ")
            + types[i].getSimpleName()
            + " as input "
            + i
            + " ("
            + names.get(i)
            + "), but got "
            + got;
      }
    }
    return getClass().getSimpleName() + ".forward does not take these inputs: " + m;
  }

  private static boolean startsWithVowel(String s) {
    return !s.isEmpty() && "AEIOUaeiou".indexOf(s.charAt(0)) >= 0;
  }

  private static Class<?> boxed(Class<?> primitive) {
    return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
  }

  /** The {@code forward} method. */
  final Method forwardMethod() {
    Method found = null;
    for (Method m : getClass().getMethods()) {
      if (m.getName().equals("forward") && !m.isBridge() && !m.isSynthetic()) {
        checkArgument(
            found == null, "%s has more than one public forward method", getClass().getName());
        found = m;
      }
    }
    checkArgument(found != null, "%s has no public forward method", getClass().getName());
    if (!found.canAccess(this)) {
      found.setAccessible(true);
    }
    return found;
  }

  /** The names of {@code forward}'s parameters, which name the program's inputs. */
  public final ImmutableList<String> forwardParameterNames() {
    List<String> names = new ArrayList<>();
    for (Parameter p : forwardMethod().getParameters()) {
      Name n = p.getAnnotation(Name.class);
      names.add(n != null ? n.value() : p.getName());
    }
    return ImmutableList.copyOf(names);
  }
}
