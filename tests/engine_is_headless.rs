//! The engine must not depend on a GUI crate: it is what the CLI, the benchmark and the tests run
//! without a display. This reads the sources, so a stray `use iced::…` fails CI.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn engine_uses_no_gui_crate() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine"),
        &mut files,
    );
    assert!(files.len() > 5, "engine sources not found");
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for krate in ["iced", "rfd", "crate::gui", "winit"] {
                let hit =
                    code.contains(&format!("{krate}::")) || code.contains(&format!("use {krate}"));
                assert!(
                    !hit,
                    "{}:{}: the engine uses {krate}: {line}",
                    f.display(),
                    i + 1
                );
            }
        }
    }
}
