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
    /// Rank the nodes of a graph view by a centrality measure.
    Rank(RankArgs),
    /// Write a graph view for Gephi, Cytoscape, Graphviz or Neo4j.
    Export(ExportArgs),
    /// Serve the store as a SPARQL 1.1 endpoint (read-only unless --writable).
    Serve(ServeArgs),
    /// Send every graph to another triple store (SPARQL 1.1 Graph Store Protocol).
    Push(PushArgs),
    /// Draw the figures of the store into one self-contained HTML file.
    Report(ReportArgs),
    /// Since when, where and how continuously a term appears in the plans.
    Trace(TraceArgs),
    /// The tree of local policies under a higher one, with the plans citing each.
    Cascade(CascadeArgs),
    /// Internal: evaluates the queries of `plankg serve` (one JSON request a line on
    /// stdin, each reply on stdout).
    #[command(hide = true)]
    QueryWorker(QueryWorkerArgs),
}

/// Arguments of the internal `plankg query-worker`.
#[derive(Debug, Args)]
pub struct QueryWorkerArgs {
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Most rows a SELECT answer carries.
    #[arg(long)]
    pub max_rows: usize,
    /// Seconds a query may run.
    #[arg(long)]
    pub timeout: f64,
}

/// Arguments of `plankg serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Address and port to listen on (loopback unless told otherwise).
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: std::net::SocketAddr,
    /// Allow SPARQL Update and Graph Store writes (the store is then opened for
    /// writing, which excludes a concurrent build).
    #[arg(long)]
    pub writable: bool,
    /// Seconds a query may run before it is stopped and answered 503.
    #[arg(long, default_value_t = 30.0)]
    pub timeout: f64,
    /// Most rows a SELECT answer carries (the rest is cut, with header
    /// `X-Plankg-Truncated: true`).
    #[arg(long, default_value_t = 100_000)]
    pub max_rows: usize,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    pub max_body: usize,
    /// Most queries evaluated at once, each in its own worker process (default: the
    /// number of cores); the rest wait up to their own timeout, then get 503.
    #[arg(long, value_name = "N")]
    pub max_concurrent: Option<usize>,
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
    /// How the inputs are walked.
    #[command(flatten)]
    pub walk: WalkArgs,
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
    /// Metadata and section tree only: leave the entity lists empty.
    #[arg(long)]
    pub structure_only: bool,
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

/// How input directories are walked. Hidden entries and plankg stores are never
/// read; FIFOs, sockets, devices, unreadable entries, link loops and files over the
/// size limit are reported and skipped.
#[derive(Debug, Args)]
pub struct WalkArgs {
    /// Skip (and report) files larger than this: bytes, or with K, M or G (KiB, MiB,
    /// GiB).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_file_size: u64,
}

/// A size in bytes written as a number with an optional K, M or G (binary units).
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => text.split_at(at),
        None => (text, ""),
    };
    let shift = match unit
        .trim()
        .to_ascii_uppercase()
        .trim_end_matches(['B', 'I'])
    {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        other => return Err(format!("unknown size unit {other:?} (use K, M or G)")),
    };
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("{text:?} is not a size (a number of bytes, or 64M)"))?;
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("{text:?} is too large"))
}

/// The store a command reads or writes.
#[derive(Debug, Args)]
pub struct StoreArgs {
    /// The store directory.
    #[arg(
        long,
        env = "PLANKG_STORE",
        default_value = "plankg-store",
        value_name = "DIR"
    )]
    pub store: PathBuf,
}

/// Arguments of `plankg build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Files or directories of plans (walked recursively, sorted).
    #[arg(default_value = "data/plans")]
    pub paths: Vec<PathBuf>,
    /// How the inputs are walked.
    #[command(flatten)]
    pub walk: WalkArgs,
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
    /// Stop the query after this many seconds (exit 2, nothing printed but the
    /// error); the result is printed only once it is whole.
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<f64>,
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
    /// Count only the documents any of whose issuing bodies has a name containing
    /// this, or whose issuer has this IRI (entity counts stay store-wide).
    #[arg(long)]
    pub issuer: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
}

/// Graph views of the store (crates/plankg-graph/README.md lists their nodes and edges).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    /// Documents, tasks, policies, initiatives, units, organizations, schools, indicators.
    Full,
    /// Documents and the policies they cite, with localizes links.
    Policy,
    /// Units and the initiatives or tasks they lead or share.
    Responsibility,
    /// Initiatives linked when they appear in the same section.
    Initiative,
    /// Tasks linked by continues / echoes.
    Lineage,
}

/// Which documents' statements a view keeps.
#[derive(Debug, Args)]
pub struct ViewFilterArgs {
    /// Documents from this year on.
    #[arg(long, value_name = "YEAR")]
    pub from: Option<i32>,
    /// Documents up to this year.
    #[arg(long, value_name = "YEAR")]
    pub to: Option<i32>,
    /// Documents of this region (label or IRI).
    #[arg(long)]
    pub region: Option<String>,
    /// Documents any of whose issuing bodies has a name containing this (杭州 finds
    /// 杭州市教育局), or whose issuer has this IRI.
    #[arg(long)]
    pub issuer: Option<String>,
    /// Count every copy of a plan held at several paths (`pk:duplicateOf`); by
    /// default only the first copy counts.
    #[arg(long)]
    pub keep_duplicates: bool,
}

/// Centrality measures of `rank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MeasureArg {
    /// Edges in and out.
    Degree,
    /// Edges in.
    InDegree,
    /// Edges out.
    OutDegree,
    /// Edge weight (statements) in and out.
    WeightedDegree,
    /// Weighted PageRank (as networkx.pagerank).
    Pagerank,
    /// Normalised betweenness (sampled with --pivots above 5,000 nodes).
    Betweenness,
    /// Closeness over incoming paths.
    Closeness,
    /// Weighted eigenvector centrality.
    Eigenvector,
}

/// Node types `rank` can report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NodeTypeArg {
    /// Policies.
    Policy,
    /// Initiatives.
    Initiative,
    /// Units.
    Unit,
    /// Schools.
    School,
    /// Organizations.
    Organization,
    /// Plan documents.
    Document,
    /// Tasks.
    Task,
    /// Targets' indicators.
    Indicator,
    /// Every node of the view.
    All,
}

/// Output formats of `rank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankFormat {
    /// An aligned text table.
    Table,
    /// A JSON array of {label, type, score, rank, iri}.
    Json,
    /// CSV with the columns label, type, score, rank, iri.
    Csv,
}

/// Arguments of `plankg rank`.
#[derive(Debug, Args)]
pub struct RankArgs {
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// The graph view.
    #[arg(long, value_enum, default_value_t = ViewArg::Full)]
    pub view: ViewArg,
    /// The centrality measure.
    #[arg(long, value_enum, default_value_t = MeasureArg::Pagerank)]
    pub measure: MeasureArg,
    /// Report nodes of this type (the measure is computed on the whole view).
    #[arg(long = "type", value_enum, default_value_t = NodeTypeArg::All)]
    pub node_type: NodeTypeArg,
    /// Report the N highest (0: all).
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub top: usize,
    /// Which documents the view keeps.
    #[command(flatten)]
    pub filter: ViewFilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RankFormat::Table)]
    pub format: RankFormat,
    /// PageRank's damping factor.
    #[arg(long, default_value_t = 0.85)]
    pub damping: f64,
    /// Tolerance of PageRank and eigenvector centrality (per node).
    #[arg(long, default_value_t = 1e-10)]
    pub tolerance: f64,
    /// Iterations before PageRank or eigenvector centrality give up.
    #[arg(long, default_value_t = 1000)]
    pub max_iterations: usize,
    /// Pivots of sampled betweenness on views above 5,000 nodes.
    #[arg(long, default_value_t = 500)]
    pub pivots: usize,
    /// Seed of the pivot draw.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
}

/// Formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    /// GraphML (Gephi, Cytoscape, yEd, networkx).
    Graphml,
    /// GEXF 1.3 with spells per year (Gephi's timeline).
    Gexf,
    /// Graphviz DOT.
    Dot,
    /// Cytoscape.js JSON (.cyjs).
    Cytoscape,
    /// nodes.csv and edges.csv for neo4j-admin import, into the directory --out.
    Csv,
}

/// How the DOT export groups nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClusterArg {
    /// No clusters.
    None,
    /// One cluster per node type.
    Type,
    /// One cluster per (first) year.
    Year,
}

/// Arguments of `plankg export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// The graph view.
    #[arg(long, value_enum)]
    pub view: ViewArg,
    /// The format.
    #[arg(long, value_enum)]
    pub format: ExportFormatArg,
    /// Which documents the view keeps.
    #[command(flatten)]
    pub filter: ViewFilterArgs,
    /// Write to this file (for csv: into this directory) instead of stdout.
    #[arg(long, short, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Add degree, weighted degree, PageRank and betweenness to the nodes.
    #[arg(long)]
    pub with_scores: bool,
    /// DOT only: group nodes into clusters.
    #[arg(long, value_enum, default_value_t = ClusterArg::None)]
    pub clusters: ClusterArg,
}

impl From<ViewArg> for plankg_graph::View {
    fn from(arg: ViewArg) -> Self {
        match arg {
            ViewArg::Full => Self::Full,
            ViewArg::Policy => Self::Policy,
            ViewArg::Responsibility => Self::Responsibility,
            ViewArg::Initiative => Self::Initiative,
            ViewArg::Lineage => Self::Lineage,
        }
    }
}

impl From<&ViewFilterArgs> for plankg_graph::Filter {
    fn from(args: &ViewFilterArgs) -> Self {
        Self {
            from: args.from,
            to: args.to,
            region: args.region.clone(),
            issuer: args.issuer.clone(),
            keep_duplicates: args.keep_duplicates,
        }
    }
}

impl From<MeasureArg> for plankg_graph::Measure {
    fn from(arg: MeasureArg) -> Self {
        match arg {
            MeasureArg::Degree => Self::Degree,
            MeasureArg::InDegree => Self::InDegree,
            MeasureArg::OutDegree => Self::OutDegree,
            MeasureArg::WeightedDegree => Self::WeightedDegree,
            MeasureArg::Pagerank => Self::PageRank,
            MeasureArg::Betweenness => Self::Betweenness,
            MeasureArg::Closeness => Self::Closeness,
            MeasureArg::Eigenvector => Self::Eigenvector,
        }
    }
}

impl NodeTypeArg {
    /// The node kind asked for; `None` for all.
    pub fn kind(self) -> Option<plankg_graph::NodeKind> {
        use plankg_graph::NodeKind;
        match self {
            Self::Policy => Some(NodeKind::Policy),
            Self::Initiative => Some(NodeKind::Initiative),
            Self::Unit => Some(NodeKind::Unit),
            Self::School => Some(NodeKind::School),
            Self::Organization => Some(NodeKind::Organization),
            Self::Document => Some(NodeKind::Document),
            Self::Task => Some(NodeKind::Task),
            Self::Indicator => Some(NodeKind::Indicator),
            Self::All => None,
        }
    }
}

impl From<ExportFormatArg> for plankg_graph::ExportFormat {
    fn from(arg: ExportFormatArg) -> Self {
        match arg {
            ExportFormatArg::Graphml => Self::GraphMl,
            ExportFormatArg::Gexf => Self::Gexf,
            ExportFormatArg::Dot => Self::Dot,
            ExportFormatArg::Cytoscape => Self::Cytoscape,
            ExportFormatArg::Csv => Self::Csv,
        }
    }
}

impl From<ClusterArg> for plankg_graph::DotClusters {
    fn from(arg: ClusterArg) -> Self {
        match arg {
            ClusterArg::None => Self::None,
            ClusterArg::Type => Self::Type,
            ClusterArg::Year => Self::Year,
        }
    }
}

/// Output formats of `trace`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TraceFormat {
    /// A summary, then one row per occurrence.
    Table,
    /// One JSON object: term, years, first_year, last_year, gaps, longest_run,
    /// variants, occurrences.
    Json,
    /// The occurrence rows.
    Csv,
}

/// Arguments of `plankg trace`.
#[derive(Debug, Args)]
pub struct TraceArgs {
    /// The term: matched exactly in every plan's text (tasks, headings, preamble),
    /// after folding as texts are folded (full-width forms; traditional characters
    /// to simplified).
    pub term: String,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Only plans whose issuer contains this.
    #[arg(long)]
    pub issuer: Option<String>,
    /// Only plans whose region contains this.
    #[arg(long)]
    pub region: Option<String>,
    /// Only passages about this year or later (a passage's year is its part's: the
    /// summary of 2021 in a plan of 2022 is of 2021).
    #[arg(long, value_name = "YEAR")]
    pub from: Option<i32>,
    /// Only passages about this year or earlier.
    #[arg(long, value_name = "YEAR")]
    pub to: Option<i32>,
    /// Show the passages of every copy of a plan held at several paths
    /// (`pk:duplicateOf`); by default only the first copy counts.
    #[arg(long)]
    pub keep_duplicates: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TraceFormat::Table)]
    pub format: TraceFormat,
    /// Also draw a timeline (years across, one lane per issuer) into FILE.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
}

/// Output formats of `cascade`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CascadeFormat {
    /// An indented tree.
    Table,
    /// The tree as nested JSON objects.
    Json,
}

/// Arguments of `plankg cascade`.
#[derive(Debug, Args)]
pub struct CascadeArgs {
    /// The higher policy, by name (《》 optional).
    pub policy: String,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// List only the plans any of whose issuing bodies has a name containing this.
    #[arg(long)]
    pub issuer: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CascadeFormat::Table)]
    pub format: CascadeFormat,
}

/// Arguments of `plankg push`.
#[derive(Debug, Args)]
pub struct PushArgs {
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// The remote SPARQL endpoint (e.g. http://localhost:8890/sparql).
    #[arg(long)]
    pub endpoint: String,
    /// The remote Graph Store Protocol URL (default: the endpoint; Virtuoso's
    /// writable one is http://HOST:8890/sparql-graph-crud-auth).
    #[arg(long)]
    pub graph_store: Option<String>,
    /// User name, sent when the server asks (HTTP basic or digest).
    #[arg(long, requires = "password")]
    pub user: Option<String>,
    /// Password.
    #[arg(
        long,
        requires = "user",
        env = "PLANKG_PUSH_PASSWORD",
        hide_env_values = true
    )]
    pub password: Option<String>,
    /// Send only graphs changed since the last push to this server.
    #[arg(long)]
    pub since: bool,
    /// Further attempts after a transient failure.
    #[arg(long, default_value_t = 3)]
    pub retries: u32,
}

/// Arguments of `plankg report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// The HTML file to write.
    #[arg(long, default_value = "report.html")]
    pub out: PathBuf,
    /// The report's title.
    #[arg(long, default_value = "plankg 报告 report")]
    pub title: String,
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_take_binary_units() {
        assert_eq!(parse_size("100"), Ok(100));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("2KiB"), Ok(2048));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert!(parse_size("5T").is_err());
        assert!(parse_size("M").is_err());
    }
}
