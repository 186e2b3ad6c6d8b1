//! plankg's oxigraph store (in progress).
