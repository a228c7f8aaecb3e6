//! What copies one failed file again: the job of that file alone, to the very place the failed
//! job was writing it.

use crate::fs::path::FsPath;
use crate::transfer::{Direction, JobSpec};

/// The job that copies `src` (a file `spec` was copying) again, if its destination can be told.
pub fn retry_one(direction: Direction, spec: &JobSpec, src: &FsPath) -> Option<JobSpec> {
    // A source given directly lands in dest_dir (under dest_name); one found inside a folder
    // lands at the same relative place under dest_dir/<folder name>.
    let (top, rel) = spec.sources.iter().find_map(|s| {
        let rel = src.as_bytes().strip_prefix(s.as_bytes())?;
        (rel.is_empty() || rel.starts_with(b"/")).then_some((s, rel))
    })?;
    let top_name = match (&spec.dest_name, spec.sources.len()) {
        (Some(n), 1) => n.clone(),
        _ => top.file_name()?.to_vec(),
    };
    let mut dst = spec.dest_dir.join(&top_name).ok()?;
    let rel = rel.strip_prefix(b"/").unwrap_or(rel);
    if !rel.is_empty() {
        dst = FsPath::from_bytes([dst.as_bytes(), b"/", rel].concat());
    }
    Some(JobSpec {
        direction,
        sources: vec![src.clone()],
        dest_dir: dst.parent()?,
        dest_name: dst.file_name().map(|n| n.to_vec()),
        recursive: true,
    })
}
