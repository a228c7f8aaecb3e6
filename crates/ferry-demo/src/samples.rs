//! The sample files a fresh demo folder starts with: a README, a few documents, generated
//! pictures, an empty folder, an 8 MiB file for watching a transfer, a non-ASCII name and a hidden
//! file — each with its own modification time, so sorting by date shows something.

use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime};

use rand::RngExt;

/// Size of `big-file.bin`.
pub const BIG_FILE_LEN: usize = 8 << 20;

const README: &str = "\
Welcome to Ferry's demo server!

This folder is served by a small SFTP server built into Ferry, listening only on
this computer (127.0.0.1). Try anything: upload, download, rename, delete, make
folders. Nothing here is real, and everything is deleted when Ferry exits.
";

const NOTES: &str = "\
Meeting notes
- Ship the demo server
- Try dragging files between the two panes
";

const TODO: &str = "\
# To do
1. Download big-file.bin and watch the progress bar.
2. Upload something of yours, then delete it again.
3. Rename \"Résumé 2026.txt\".
";

const RESUME: &str = "Jane Doe — Résumé\nExperience: shipping files, safely, since 1995.\n";

const CONFIG: &str = "# A hidden file: shown only when hidden files are.\ntheme = \"dark\"\n";

/// A small binary PPM picture: a gradient picked by `seed`.
fn ppm(width: u32, height: u32, seed: u32) -> Vec<u8> {
    let mut out = format!("P6\n{width} {height}\n255\n").into_bytes();
    for y in 0..height {
        for x in 0..width {
            let r = (x * 255 / width.max(1)) as u8;
            let g = (y * 255 / height.max(1)) as u8;
            let b = ((x + y) * seed % 256) as u8;
            out.extend_from_slice(&[r, g, b]);
        }
    }
    out
}

fn random_bytes(len: usize) -> Vec<u8> {
    let mut buf = vec![0u8; len];
    rand::rng().fill(&mut buf[..]);
    buf
}

/// Writes the samples into the empty folder `root`.
pub fn create(root: &Path) -> io::Result<()> {
    let now = SystemTime::now();
    let days = |d: u64| now - Duration::from_secs(d * 86_400 + d * 3_607);
    let files: Vec<(&str, Vec<u8>, SystemTime)> = vec![
        ("README.txt", README.as_bytes().to_vec(), days(0)),
        ("Documents/notes.txt", NOTES.as_bytes().to_vec(), days(3)),
        ("Documents/todo.md", TODO.as_bytes().to_vec(), days(12)),
        ("Photos/sunset.ppm", ppm(96, 64, 3), days(40)),
        ("Photos/waves.ppm", ppm(64, 64, 7), days(41)),
        ("Photos/noise.bin", random_bytes(4096), days(90)),
        ("big-file.bin", random_bytes(BIG_FILE_LEN), days(7)),
        ("Résumé 2026.txt", RESUME.as_bytes().to_vec(), days(200)),
        (".config", CONFIG.as_bytes().to_vec(), days(365)),
    ];
    for dir in ["Documents", "Photos", "Music"] {
        std::fs::create_dir(root.join(dir))?;
    }
    for (name, data, mtime) in &files {
        let path = root.join(name);
        std::fs::write(&path, data)?;
        filetime::set_file_mtime(&path, filetime::FileTime::from_system_time(*mtime))?;
    }
    // Folders last: writing into them moved their times.
    for (dir, age) in [("Documents", 3), ("Photos", 40), ("Music", 20)] {
        filetime::set_file_mtime(
            root.join(dir),
            filetime::FileTime::from_system_time(days(age)),
        )?;
    }
    Ok(())
}
