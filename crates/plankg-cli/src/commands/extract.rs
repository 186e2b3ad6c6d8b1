//! `plankg extract`: files to JSON documents (the shape of ANNOTATION.md).

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use plankg_extract::{Extractor, ExtractorBuilder, Gazetteer, InputFile, InputWalk};
use plankg_model::ExtractedFile;
use rayon::prelude::*;

use crate::cli::{ExtractArgs, ExtractFormat, GlobalArgs};
use crate::messages;
use crate::output;
use crate::progress::Progress;
use crate::Outcome;

/// Builds the extractor the global options ask for.
pub(crate) fn build_extractor(
    global: &GlobalArgs,
    encoding: Option<plankg_extract::Encoding>,
) -> anyhow::Result<Extractor> {
    configured_builder(global, encoding)?
        .build()
        .context("invalid gazetteer")
}

/// The gazetteer of `--gazetteer DIR`, if given.
pub(crate) fn loaded_gazetteer(global: &GlobalArgs) -> anyhow::Result<Option<Gazetteer>> {
    global
        .gazetteer
        .as_ref()
        .map(|dir| {
            Gazetteer::load(dir)
                .with_context(|| format!("cannot load the gazetteer from {}", dir.display()))
        })
        .transpose()
}

/// The extractor builder with the gazetteer and encoding the options ask for.
fn configured_builder(
    global: &GlobalArgs,
    encoding: Option<plankg_extract::Encoding>,
) -> anyhow::Result<ExtractorBuilder> {
    let mut builder = ExtractorBuilder::new();
    if let Some(gazetteer) = loaded_gazetteer(global)? {
        builder = builder.with_gazetteer(gazetteer);
    }
    if let Some(encoding) = encoding {
        builder = builder.with_encoding(encoding);
    }
    Ok(builder)
}

/// What happened to one input file.
enum FileResult {
    Extracted(ExtractedFile),
    /// Extracted and written to the output directory.
    Written,
    /// Extracted, but the output directory's file could not be written.
    NotWritten(anyhow::Error),
    Text(String),
    Failed(anyhow::Error),
}

pub(crate) fn run(global: &GlobalArgs, args: &ExtractArgs) -> anyhow::Result<Outcome> {
    let walked = InputWalk::new()
        .max_file_size(args.walk.max_file_size)
        .collect(&args.paths);
    walked.skipped.iter().for_each(messages::skipped_input);
    let inputs = walked.files;
    let extractor = configured_builder(global, args.encoding.map(Into::into))?
        .with_structure_only(args.structure_only)
        .build()
        .context("invalid gazetteer")?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    // Each file's JSON is written as soon as it is extracted, so the documents of a
    // whole corpus are never held at once.
    let out_dir = match &args.out_dir {
        Some(dir) if !args.emit_text => Some(OutDir::new(dir, &inputs)?),
        _ => None,
    };
    let progress = Progress::new(global.quiet, inputs.len() as u64, "extracting");
    let results: Vec<FileResult> = pool.install(|| {
        inputs
            .par_iter()
            .enumerate()
            .map_init(Vec::new, |json, (index, input)| {
                let mut result = extract_one(&extractor, input, args.emit_text);
                if let (Some(out_dir), FileResult::Extracted(file)) = (&out_dir, &result) {
                    if let Some(path) = out_dir.sole_path(index) {
                        result = match write_json(json, file, path) {
                            Ok(()) => FileResult::Written,
                            Err(err) => FileResult::NotWritten(err),
                        };
                    }
                }
                progress.inc();
                result
            })
            .collect()
    });
    progress.finish();

    let walk_skipped = walked.skipped.len();
    let mut failed: Vec<_> = walked.skipped.into_iter().map(|s| s.path).collect();
    let mut extracted = Vec::new();
    let mut texts = Vec::new();
    let mut not_written = None;
    for (input, result) in inputs.iter().zip(results) {
        match result {
            FileResult::Extracted(file) => extracted.push((input, file)),
            FileResult::Written => {}
            FileResult::NotWritten(err) => {
                not_written.get_or_insert(err);
            }
            FileResult::Text(text) => texts.push(text),
            FileResult::Failed(err) => {
                messages::file_error(&input.path, &err);
                failed.push(input.path.clone());
            }
        }
    }
    if let Some(err) = not_written {
        return Err(err);
    }
    if args.emit_text {
        output::write_texts(&texts)?;
    } else if let Some(out_dir) = &out_dir {
        out_dir.write_shared_stems(&extracted)?;
    } else {
        let files: Vec<&ExtractedFile> = extracted.iter().map(|(_, f)| f).collect();
        match args.format {
            ExtractFormat::Json => output::write_json_one_or_array(&files)?,
            ExtractFormat::Jsonl => output::write_jsonl(&files)?,
        }
    }
    if failed.is_empty() {
        Ok(Outcome::Success)
    } else {
        messages::skipped_summary(&failed, inputs.len() + walk_skipped);
        Ok(Outcome::Partial)
    }
}

fn extract_one(extractor: &Extractor, input: &InputFile, emit_text: bool) -> FileResult {
    let bytes = match fs::read(&input.path) {
        Ok(bytes) => bytes,
        Err(err) => return FileResult::Failed(err.into()),
    };
    let name = input
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if emit_text {
        return match extractor.plain_text(&bytes, &name) {
            Ok(text) => FileResult::Text(text),
            Err(err) => FileResult::Failed(err.into()),
        };
    }
    match extractor.extract(&bytes, &name) {
        Ok(documents) => FileResult::Extracted(ExtractedFile {
            source: input.relative.clone(),
            documents,
        }),
        Err(err) => FileResult::Failed(err.into()),
    }
}

/// The output directory: `<stem>.json` per input; inputs sharing a stem with
/// another extracted input are written under their relative path with `/` replaced
/// by `__`.
struct OutDir<'a> {
    dir: &'a Path,
    /// Per input, its file when no other input has its stem (known before any is
    /// extracted); `None` when its name waits on which of them are extracted.
    sole: Vec<Option<PathBuf>>,
}

impl<'a> OutDir<'a> {
    /// Creates the directory and names the files of inputs whose stem is their own.
    fn new(dir: &'a Path, inputs: &[InputFile]) -> anyhow::Result<Self> {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let stems: Vec<String> = inputs.iter().map(stem).collect();
        let stem_count = count_stems(&stems);
        let sole = stems
            .iter()
            .map(|s| {
                (stem_count.get(s.as_str()) == Some(&1)).then(|| dir.join(format!("{s}.json")))
            })
            .collect();
        Ok(Self { dir, sole })
    }

    /// The file of input `index` when its stem is its own.
    fn sole_path(&self, index: usize) -> Option<&Path> {
        self.sole.get(index).and_then(Option::as_deref)
    }

    /// Writes the extracted inputs whose stem another input has too, named by how
    /// many of the extracted ones share it.
    fn write_shared_stems(&self, extracted: &[(&InputFile, ExtractedFile)]) -> anyhow::Result<()> {
        let stems: Vec<String> = extracted.iter().map(|(input, _)| stem(input)).collect();
        let stem_count = count_stems(&stems);
        let mut json = Vec::new();
        for ((input, file), s) in extracted.iter().zip(&stems) {
            let name = if stem_count.get(s.as_str()).copied().unwrap_or(0) > 1 {
                format!("{}.json", input.relative.replace('/', "__"))
            } else {
                format!("{s}.json")
            };
            write_json(&mut json, file, &self.dir.join(name))?;
        }
        Ok(())
    }
}

/// How many times each stem occurs.
fn count_stems(stems: &[String]) -> HashMap<&str, usize> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for s in stems {
        *count.entry(s.as_str()).or_default() += 1;
    }
    count
}

/// The file name of `input` without its extension.
fn stem(input: &InputFile) -> String {
    input
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Writes `file` as pretty JSON to `path`, through the reused buffer `json`.
fn write_json(json: &mut Vec<u8>, file: &ExtractedFile, path: &Path) -> anyhow::Result<()> {
    output::pretty_json_into(json, file)?;
    fs::write(path, json.as_slice()).with_context(|| format!("cannot write {}", path.display()))
}
