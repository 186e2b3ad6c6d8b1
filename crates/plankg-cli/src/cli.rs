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
    /// Build or update the store from plan files (one named graph per document).
    Build(BuildArgs),
    /// Run a SPARQL query over the store (the default graph is the union of all).
    Query(QueryArgs),
    /// Write the store, or one graph of it, as RDF.
    Dump(DumpArgs),
    /// Documents per year and region, triples and entity counts of the store.
    Stats(StatsArgs),
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

/// The store a command reads or writes.
#[derive(Debug, Args)]
pub struct StoreArgs {
    /// The store directory.
    #[arg(long, env = "PLANKG_STORE", default_value = "plankg-store", value_name = "DIR")]
    pub store: PathBuf,
}

/// Arguments of `plankg build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Files or directories of plans (walked recursively, sorted).
    #[arg(default_value = "data/plans")]
    pub paths: Vec<PathBuf>,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Worker threads (default: all cores).
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Remove the graphs of documents whose source files are gone.
    #[arg(long)]
    pub prune: bool,
    /// Base IRI of the data (default: the store's, or https://w3id.org/plankg/id/).
    #[arg(long, value_name = "IRI")]
    pub base: Option<String>,
    /// Test only: abort the process (as if killed) after N documents were handed to
    /// the store.
    #[arg(long, hide = true, value_name = "N")]
    pub abort_after: Option<usize>,
}

/// Output formats of `query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// An aligned text table (SELECT, ASK).
    Table,
    /// SPARQL results CSV.
    Csv,
    /// SPARQL results TSV.
    Tsv,
    /// SPARQL results JSON.
    Json,
    /// SPARQL results XML.
    Xml,
    /// Turtle (CONSTRUCT, DESCRIBE).
    Turtle,
    /// N-Triples (CONSTRUCT, DESCRIBE).
    Ntriples,
}

/// Arguments of `plankg query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The SPARQL query.
    #[arg(required_unless_present = "file", conflicts_with = "file")]
    pub query: Option<String>,
    /// Read the query from a file (such as ontology/queries/*.rq).
    #[arg(long, short, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Output format (default: table for SELECT and ASK, turtle for CONSTRUCT and
    /// DESCRIBE).
    #[arg(long, value_enum)]
    pub format: Option<QueryFormat>,
}

/// Output formats of `dump`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DumpFormat {
    /// N-Quads: every graph with its name.
    Nquads,
    /// TriG: every graph with its name.
    Trig,
    /// Turtle: the graph given with --graph, or the union of all.
    Turtle,
    /// N-Triples: the graph given with --graph, or the union of all.
    Ntriples,
}

/// Arguments of `plankg dump`.
#[derive(Debug, Args)]
pub struct DumpArgs {
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DumpFormat::Nquads)]
    pub format: DumpFormat,
    /// Only this graph (a document IRI, or the entities or lineage graph).
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
    /// Write to FILE instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Output formats of `stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// Aligned text tables.
    Table,
    /// One JSON object.
    Json,
}

/// Arguments of `plankg stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
}
