/**
 * The {@code torch.export} tutorial's cases written as Java models ({@link
 * dev.symshapes.export.tutorial.TutorialCase}), run by {@code symshapes tutorial} and by the golden
 * tests named after them.
 */
package dev.symshapes.export.tutorial;
