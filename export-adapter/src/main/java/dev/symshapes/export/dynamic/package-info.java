/**
 * Dynamic-shape specifications for {@link dev.symshapes.export.Export}: {@link
 * dev.symshapes.export.dynamic.Dim} ({@code Dim.AUTO}, {@code Dim.DYNAMIC}, {@code Dim.STATIC},
 * named dims with ranges, derived dims {@code A*dim + B}), {@code null} for static, integers for
 * static sizes checked against the example inputs, and {@link
 * dev.symshapes.export.dynamic.DynamicShapes#refine}, which applies the suggested fixes of a
 * constraint violation to a spec.
 */
package dev.symshapes.export.dynamic;
