//! Text helpers the recognisers share: covering a text with list words
//! ([`cover`]), the one-pass lexicon of every recogniser's words ([`lexicon`]),
//! literal word lookups ([`literal`]), reading a name back from its suffix
//! ([`names`]) and jieba's words with their parts of speech ([`segment`]).

pub(crate) mod cover;
pub(crate) mod lexicon;
pub(crate) mod literal;
pub(crate) mod names;
pub(crate) mod segment;
