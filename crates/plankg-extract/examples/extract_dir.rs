//! Extracts every file of a directory into `<stem>.json` files, without the CLI (and
//! without building the store): `cargo run -p plankg-extract --example extract_dir --
//! IN_DIR OUT_DIR`, then score OUT_DIR against gold.

use std::path::PathBuf;
use std::{env, fs};

use plankg_extract::{collect_inputs, ExtractorBuilder};
use plankg_model::ExtractedFile;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        return Err("usage: extract_dir IN_DIR OUT_DIR".into());
    };
    let extractor = ExtractorBuilder::new().build()?;
    let out = PathBuf::from(output);
    fs::create_dir_all(&out)?;
    let inputs = collect_inputs(&[PathBuf::from(input)]);
    for skipped in &inputs.skipped {
        eprintln!("{}: {}", skipped.path.display(), skipped.reason);
    }
    for file in inputs.files {
        let bytes = fs::read(&file.path)?;
        let name = file
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match extractor.extract(&bytes, &name) {
            Ok(documents) => {
                let stem = file
                    .path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let extracted = ExtractedFile {
                    source: file.relative,
                    documents,
                };
                fs::write(
                    out.join(format!("{stem}.json")),
                    serde_json::to_string_pretty(&extracted)?,
                )?;
            }
            Err(err) => eprintln!("{}: {err}", file.path.display()),
        }
    }
    Ok(())
}
