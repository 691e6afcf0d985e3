//! A test hook: holds a build at a named point until the test lets it go, so that fault tests build the state they check instead of racing a build.
//!
//! With `UNDEX_HOLD_AT=point[,point…]` and `UNDEX_HOLD_DIR=DIR` in its
//! environment, a build reaching a listed point writes `DIR/point.held`
//! (holding its pid, written before the file appears) and waits until
//! `DIR/point.go` exists, which it then removes. Without the variables the
//! points cost one environment lookup. The points:
//!
//! - `locked`: the build lock is taken and names its holder; nothing written yet;
//! - `before-commit`: every passage is in segment files on disk, the commit
//!   not made (`meta.json` still names the previous index);
//! - `committed`: the new index is committed; merges may still be running.

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The longest a build waits to be let go: a test that forgot its build must
/// not leave it hanging for ever.
const PATIENCE: Duration = Duration::from_secs(600);

/// Holds the build at `point` when the environment asks for it.
pub(crate) fn point(point: &str) {
    let Some(at) = std::env::var_os("UNDEX_HOLD_AT") else {
        return;
    };
    if !at.to_string_lossy().split(',').any(|p| p.trim() == point) {
        return;
    }
    let Some(dir) = std::env::var_os("UNDEX_HOLD_DIR").map(PathBuf::from) else {
        return;
    };
    let held = dir.join(format!("{point}.held"));
    let go = dir.join(format!("{point}.go"));
    // Written aside and renamed, so that the file never appears empty.
    let tmp = dir.join(format!(".{point}.held.{}", std::process::id()));
    if std::fs::write(&tmp, std::process::id().to_string()).is_err()
        || std::fs::rename(&tmp, &held).is_err()
    {
        return;
    }
    let start = Instant::now();
    while !go.exists() && start.elapsed() < PATIENCE {
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = std::fs::remove_file(&go);
    let _ = std::fs::remove_file(&held);
}
