#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

mod assemble;
mod chrome;
mod decode;
mod docx;
mod error;
mod extractor;
mod gazetteer;
mod html;
mod input;
mod lines;
mod markers;
mod metadata;
mod normalise;
mod offsets;
mod parts;
mod patterns;
mod places;
mod recognise;
mod split;
mod structure;
mod term;

pub use decode::Encoding;
pub use error::{ExtractError, GazetteerError};
pub use extractor::{Extractor, ExtractorBuilder};
pub use gazetteer::Gazetteer;
pub use input::{
    collect_inputs, InputFile, InputWalk, Inputs, SkipReason, Skipped, DEFAULT_MAX_FILE_SIZE,
};
pub use places::{PlaceEntry, Places};
pub use term::TermNormaliser;
