/**
 * The models of the {@code torch.export} tutorial written in Java, as the tutorial cases ({@link
 * dev.symshapes.export.tutorial.TutorialCase}) export them: {@link
 * dev.symshapes.export.tutorial.models.MyModule} (T01), {@link
 * dev.symshapes.export.tutorial.models.Bad3} (T03), {@link
 * dev.symshapes.export.tutorial.models.DynamicModel} (T06, T07), {@link
 * dev.symshapes.export.tutorial.models.GuardedDynamicModel} (T10) and {@link
 * dev.symshapes.export.tutorial.models.M} (T25).
 *
 * <p>This package is user code as far as the shape environment is concerned: the guards these
 * models cause name their lines ({@code runtime_assert Eq(s2, s4) [guard added]
 * (DynamicModel.java:41 in forward)}), as PyTorch's logs name the tutorial's Python lines.
 */
package dev.symshapes.export.tutorial.models;
