//! The fuzz properties (`ferry_engine::props`) on stable Rust, without libFuzzer: every file of
//! `fuzz/corpus/<target>/` goes through that target's property, and every file of
//! `fuzz/regressions/` (inputs that once crashed a target, named `<target>-…`) through its target
//! and through all of them. So the corpus the fuzzer built and each crash it found stay tests.

use std::path::Path;

fn run(target: &str, data: &[u8]) {
    use ferry_engine::props;
    match target {
        "server_name" => props::server_name(data),
        "display" => props::display(data),
        "remote_path" => props::remote_path(data),
        "long_name" => {
            // The same decoding as fuzz/fuzz_targets/long_name.rs.
            let (head, rest) = data.split_at(data.len().min(12));
            let mut h = [0u8; 12];
            h[..head.len()].copy_from_slice(head);
            let mode = u32::from_le_bytes([h[0], h[1], h[2], h[3]]);
            let size = u64::from_le_bytes([h[4], h[5], h[6], h[7], h[8], h[9], h[10], h[11]]);
            let p = props::split(rest, 2);
            props::long_name(p[0], p[1], mode, size);
        }
        "known_hosts" => {
            let p = props::split(data, 2);
            props::known_hosts_line(p[0], p[1]);
        }
        other => panic!("no fuzz target {other:?} (fuzz/fuzz_targets/)"),
    }
}

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

#[test]
fn corpus_and_regressions_keep_their_properties() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let targets: Vec<String> = files(&root.join("fuzz_targets"))
        .iter()
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
        .collect();
    assert!(targets.len() >= 5, "fuzz targets: {targets:?}");
    let mut inputs = 0;
    for t in &targets {
        let corpus = files(&root.join("corpus").join(t));
        assert!(!corpus.is_empty(), "fuzz/corpus/{t}/ has no seeds");
        for f in corpus {
            run(t, &std::fs::read(&f).unwrap());
            inputs += 1;
        }
    }
    for f in files(&root.join("regressions")) {
        let data = std::fs::read(&f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(t) = targets.iter().find(|t| name.starts_with(&format!("{t}-"))) {
            run(t, &data);
        }
        ferry_engine::props::all(&data);
        inputs += 1;
    }
    eprintln!("{inputs} inputs checked");
}
