//! The command-line definition (clap derive); doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// plankg: Chinese education work plans into a knowledge graph.
#[derive(Debug, Parser)]
#[command(name = "plankg", version, about)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// No progress bars and no summaries on stderr (errors are still printed).
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Use the gazetteer files of DIR instead of (or on top of) the embedded ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub gazetteer: Option<PathBuf>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract documents, their structure and entities from plan files.
    Extract(ExtractArgs),
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object for one input, an array for several.
    Json,
    /// One JSON object per line per input.
    Jsonl,
}

/// Arguments of `plankg extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or directories (walked recursively, sorted).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    pub format: ExtractFormat,
    /// Write one `<file stem>.json` per input into DIR instead of printing.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Print each file's decoded plain text (the text spans refer to) instead.
    #[arg(long)]
    pub emit_text: bool,
    /// Decode text files with this encoding instead of detecting it.
    #[arg(long, value_enum)]
    pub encoding: Option<EncodingArg>,
    /// Worker threads (default: all cores).
    #[arg(long, short)]
    pub jobs: Option<usize>,
}

/// Encodings that can be forced with `--encoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncodingArg {
    /// UTF-8.
    Utf8,
    /// GBK.
    Gbk,
    /// GB18030.
    Gb18030,
    /// UTF-16 little endian.
    Utf16le,
    /// UTF-16 big endian.
    Utf16be,
}

impl From<EncodingArg> for plankg_extract::Encoding {
    fn from(arg: EncodingArg) -> Self {
        match arg {
            EncodingArg::Utf8 => Self::Utf8,
            EncodingArg::Gbk => Self::Gbk,
            EncodingArg::Gb18030 => Self::Gb18030,
            EncodingArg::Utf16le => Self::Utf16Le,
            EncodingArg::Utf16be => Self::Utf16Be,
        }
    }
}
