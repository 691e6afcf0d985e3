//! The one way undex spreads work over threads: a few scoped workers taking the next item of a slice, while the calling thread reports progress.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread::Thread;
use std::time::Duration;

/// The cores this process may use (1 when the system cannot say).
pub(crate) fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// Locks `m`, poisoned or not: a worker that panicked is reported by
/// [`each`], and what it left under the lock is still what the others did.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A worker thread stopped in a panic, so some items may not have been done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WorkerPanicked;

/// Counts a worker out even when it panics, so that the caller's loop ends.
struct Leaving<'a> {
    running: &'a AtomicUsize,
    caller: &'a Thread,
}

impl Drop for Leaving<'_> {
    fn drop(&mut self) {
        self.running.fetch_sub(1, Ordering::AcqRel);
        self.caller.unpark();
    }
}

/// Calls `work(i, &items[i])` for every item, on at most `threads` threads
/// (each takes the next item nobody has taken, so a slow item holds up one
/// thread only), and `progress(done, total)` on the calling thread
/// meanwhile and once at the end. Items are done in no particular order:
/// a caller that needs the order keeps `i`.
pub(crate) fn each<T: Sync>(
    items: &[T],
    threads: usize,
    work: &(dyn Fn(usize, &T) + Sync),
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(), WorkerPanicked> {
    let total = items.len() as u64;
    let threads = threads.clamp(1, items.len().max(1));
    let next = AtomicUsize::new(0);
    let done = AtomicU64::new(0);
    let running = AtomicUsize::new(threads);
    let caller = std::thread::current();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let _leaving = Leaving {
                        running: &running,
                        caller: &caller,
                    };
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        work(i, item);
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                })
            })
            .collect();
        // A look at the count every tenth of a second is all a progress bar
        // needs; each worker wakes the caller as it leaves.
        while running.load(Ordering::Acquire) > 0 {
            progress(done.load(Ordering::Relaxed), total);
            std::thread::park_timeout(Duration::from_millis(100));
        }
        progress(done.load(Ordering::Relaxed), total);
        let mut panicked = false;
        for h in handles {
            panicked |= h.join().is_err();
        }
        if panicked {
            Err(WorkerPanicked)
        } else {
            Ok(())
        }
    })
}

/// `f` of every item, in the items' order, computed as [`each`] does.
pub(crate) fn map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: &(dyn Fn(&T) -> R + Sync),
) -> Result<Vec<R>, WorkerPanicked> {
    let out = Mutex::new(Vec::with_capacity(items.len()));
    each(
        items,
        threads,
        &|i, item| {
            let r = f(item);
            lock(&out).push((i, r));
        },
        &mut |_, _| {},
    )?;
    let mut out = out.into_inner().unwrap_or_else(PoisonError::into_inner);
    out.sort_unstable_by_key(|(i, _)| *i);
    Ok(out.into_iter().map(|(_, r)| r).collect())
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    #[test]
    fn every_item_is_done_once_and_progress_ends_at_the_total() {
        let items: Vec<u64> = (0..100).collect();
        let seen = Mutex::new(Vec::new());
        let mut last = (0, 0);
        let r = each(
            &items,
            3,
            &|i, x| seen.lock().unwrap().push((i, *x)),
            &mut |d, t| last = (d, t),
        );
        assert_eq!(r, Ok(()));
        let mut seen = seen.into_inner().unwrap();
        seen.sort();
        assert_eq!(
            seen,
            items.iter().map(|&x| (x as usize, x)).collect::<Vec<_>>()
        );
        assert_eq!(last, (100, 100));
    }

    #[test]
    fn map_keeps_the_order_of_the_items() {
        let items: Vec<u32> = (0..50).rev().collect();
        let squares = map(&items, 4, &|x| x * x).unwrap();
        assert_eq!(squares, items.iter().map(|x| x * x).collect::<Vec<_>>());
    }

    #[test]
    fn nothing_to_do_is_done_at_once() {
        let mut calls = 0;
        let r = each::<u8>(&[], 4, &|_, _| unreachable!(), &mut |d, t| {
            assert_eq!((d, t), (0, 0));
            calls += 1;
        });
        assert_eq!(r, Ok(()));
        assert!(calls >= 1);
    }

    #[test]
    fn a_worker_that_panics_is_reported_not_propagated() {
        let items = [1, 2, 3];
        let r = each(&items, 2, &|_, x| assert_ne!(*x, 2), &mut |_, _| {});
        assert_eq!(r, Err(WorkerPanicked));
    }
}
