//! Comparing files by checksum (`--checksum`): the server's sum by the best way it has
//! (`fs::sftp::checksum`: `check-file`, or `sha256sum` and the like over exec, learned once per
//! session) against the local file's sum by the same algorithm, several files at once.

use std::collections::HashSet;

use futures::StreamExt;

use crate::error::{Error, Result};
use crate::fs::local::to_local;
use crate::fs::path::FsPath;
use crate::fs::sftp::SftpFs;
use crate::fs::sftp::checksum::{SumWay, local_sum};
use crate::sync::tree::at;

/// Sums worked out at once: an exec sum is a channel each, and OpenSSH allows ten a connection.
const AT_ONCE: usize = 6;

/// Of `pairs` (a path from the top of both trees and the size both files have), those whose
/// contents are the same (a pair whose sums could not both be had is not). An error when the server has no way to compute a checksum.
pub async fn same_contents(
    sftp: &SftpFs,
    local_root: &FsPath,
    remote_root: &FsPath,
    pairs: Vec<(Vec<u8>, u64)>,
) -> Result<HashSet<Vec<u8>>> {
    let mut same: HashSet<Vec<u8>> = pairs
        .iter()
        .filter(|(_, size)| *size == 0)
        .map(|(p, _)| p.clone())
        .collect();
    let Some((first, size)) = pairs.iter().find(|(_, s)| *s > 0) else {
        return Ok(same);
    };
    let way = sftp.sum_way(&at(remote_root, first)?, *size, None).await?;
    if way == SumWay::None {
        return Err(Error::Unsupported {
            what: "checksums of files (check-file, or sha256sum, sha512sum, sha1sum or md5sum \
                   over SSH), so files cannot be compared by their contents"
                .into(),
        });
    }
    let results: Vec<Result<Option<Vec<u8>>>> =
        futures::stream::iter(pairs.into_iter().filter(|(_, s)| *s > 0))
            .map(|(rel, size)| async move {
                let remote = at(remote_root, &rel)?;
                let local = to_local(&at(local_root, &rel)?);
                let blocks = !sftp.whole_check_file_trusted(size);
                let Some(theirs) = sftp.remote_sum(way, &remote, size, blocks).await? else {
                    return Ok(None);
                };
                let ours = local_sum(&local, theirs.algo, blocks).await?;
                Ok((ours == theirs).then_some(rel))
            })
            .buffer_unordered(AT_ONCE)
            .collect()
            .await;
    // A sum that could not be had (a file gone, a command that failed) counts as a difference:
    // the copy then says what is wrong, or puts the file right.
    same.extend(results.into_iter().filter_map(|r| r.ok().flatten()));
    Ok(same)
}
