//! Stable sorting with one compiled copy of the sort algorithm.
//!
//! `slice::sort_by` is generic over the element and the comparison, so every call site
//! compiles its own copy of the standard library's sort (about 4 KB of WebAssembly
//! each; the page had twenty). Here the algorithm runs once, on a list of positions
//! with a `dyn` comparison, and the elements are then moved into that order: the
//! per-type code is a few lines.
//!
//! The result is exactly `slice::sort_by`'s: a stable sort's output is determined by the
//! comparison alone (for a comparison that is a total order, as every caller's is), so
//! the engine stays deterministic and gives the same order natively and in the browser.
//! Go-compatible orders (kubectl's, which are not stable) live in `view::gosort`.
//!
//! `collect_map` is the same idea for maps: `BTreeMap`'s `collect` sorts its input.

use std::cmp::Ordering;

/// Sort `v` stably by `cmp`, as `v.sort_by(cmp)` does.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    {
        let v: &[T] = v;
        sort_positions(&mut order, &mut |a, b| match (v.get(a), v.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        });
    }
    permute(v, &mut order);
}

/// Sort `v` stably by a key, as `v.sort_by_key(key)` does.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sort `v` in its natural order, as `v.sort()` does.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Collect key-value pairs into a map (`BTreeMap`, `serde_json::Map`) by inserting them
/// in turn: the same map as `collect()` gives (the last of equal keys wins), without
/// the copy of the stable sort that `BTreeMap`'s `collect` compiles for each type.
pub fn collect_map<M: Default + Extend<(K, V)>, K, V>(
    pairs: impl IntoIterator<Item = (K, V)>,
) -> M {
    let mut m = M::default();
    m.extend(pairs);
    m
}

/// The one copy of the sort: positions `0..n` ordered by `cmp`, stably.
#[inline(never)]
#[allow(clippy::disallowed_methods)] // the one call of the standard sort
fn sort_positions(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Move the elements so that position `i` holds what was at `order[i]`, following each
/// cycle of the permutation with swaps. `order` is used up (each visited slot is set to
/// its own position, which marks it done).
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut cur = start;
        loop {
            let next = order[cur];
            order[cur] = cur;
            if next == start || next == cur {
                break;
            }
            v.swap(cur, next);
            cur = next;
        }
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compared with the standard sort
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no crate.
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % modulo
            })
            .collect()
    }

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        for (seed, n, modulo) in [
            (1, 0, 1),
            (2, 1, 5),
            (3, 2, 2),
            (4, 17, 3),
            (5, 100, 10),
            (6, 1000, 7),
            (7, 5000, 1 << 40),
        ] {
            // Pairs of (key, original position): equal keys must keep their order.
            let keys = numbers(seed, n, modulo);
            let mut ours: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            let mut std = ours.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "seed {seed}, {n} items");
            let mut rev = ours.clone();
            sort_by_key(&mut rev, |p| std::cmp::Reverse(p.0));
            let mut std_rev = std.clone();
            std_rev.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(rev, std_rev);
        }
    }

    #[test]
    fn maps_collected_by_inserting_equal_collected_by_sorting() {
        let pairs = [("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)];
        let ours: std::collections::BTreeMap<&str, i32> = collect_map(pairs);
        let std: std::collections::BTreeMap<&str, i32> = pairs.into_iter().collect();
        assert_eq!(ours, std);
        assert_eq!(ours.get("b"), Some(&3));
    }

    #[test]
    fn natural_order_and_owned_elements() {
        let mut words: Vec<String> = ["pi", "b", "a", "pi", "", "zz", "a"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut std = words.clone();
        sort(&mut words);
        std.sort();
        assert_eq!(words, std);
        let mut already: Vec<u32> = (0..50).collect();
        sort(&mut already);
        assert_eq!(already, (0..50).collect::<Vec<_>>());
        let mut backwards: Vec<u32> = (0..50).rev().collect();
        sort(&mut backwards);
        assert_eq!(backwards, (0..50).collect::<Vec<_>>());
    }
}
