package dev.symshapes.export.serde;

/**
 * A file could not be read as an exported program, or a program could not be written: the message
 * names what was wrong and where, as a JSON path ({@code graph_module.graph.nodes[3].target}) or an
 * archive entry name ({@code model/data/weights/weight_0}). Loading checks everything it reads
 * before it allocates anything large, and never runs code from a file, so a hostile file ends in
 * this exception.
 */
public final class SerdeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public SerdeException(String message) {
    super(message);
  }

  /** An exception with {@code message} caused by {@code cause}. */
  public SerdeException(String message, Throwable cause) {
    super(message, cause);
  }
}
