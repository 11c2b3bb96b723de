//! Embeds `tests/fixtures/` into the emulator: one `(name, bytes)` entry per file, by relative path.
//!
//! Cargo re-runs this script when anything under the fixture directory changes, so adding a fixture
//! file needs no code change anywhere.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, root, out);
        } else if path.is_file() {
            let rel = path
                .strip_prefix(root)
                .expect("fixture under root")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            if rel.ends_with(".md") || rel.starts_with('.') {
                continue;
            }
            out.push((rel, path));
        }
    }
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    // `fixtures` links to the repository's `tests/fixtures/` (and is a copy of it in the package).
    let root = manifest
        .join("fixtures")
        .canonicalize()
        .expect("the fixture directory `fixtures/` is missing");
    println!("cargo:rerun-if-changed={}", root.display());
    println!("cargo:rerun-if-changed=build.rs");

    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    assert!(!files.is_empty(), "no fixture under {}", root.display());
    files.sort();

    let mut code = String::from(
        "/// Every file under `tests/fixtures/`, by path relative to it, sorted.\n\
         pub(crate) static EMBEDDED: &[(&str, &[u8])] = &[\n",
    );
    for (name, path) in &files {
        code.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");

    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR")).join("fixtures.rs");
    fs::write(out, code).expect("write fixtures.rs");
}
