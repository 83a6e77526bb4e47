//! Completion indexes: the [`CompletionIndex`] newtype and [`IndexSet`], a sorted
//! set of disjoint index ranges printed in the controller's compressed form
//! (`"1,3-5,7"`: runs of three or more become `a-b`).

use std::fmt;

/// A completion index of an Indexed Job.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct CompletionIndex(pub u32);

impl fmt::Display for CompletionIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A set of indexes kept as sorted, disjoint, non-adjacent inclusive ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndexSet {
    ranges: Vec<(u32, u32)>,
}

impl IndexSet {
    pub fn new() -> Self {
        IndexSet { ranges: Vec::new() }
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Number of indexes in the set.
    pub fn len(&self) -> u64 {
        self.ranges.iter().map(|(a, b)| (*b - *a) as u64 + 1).sum()
    }

    pub fn ranges(&self) -> &[(u32, u32)] {
        &self.ranges
    }

    fn find(&self, i: u32) -> Result<usize, usize> {
        self.ranges.binary_search_by(|&(a, b)| {
            if b < i {
                std::cmp::Ordering::Less
            } else if a > i {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
    }

    pub fn contains(&self, i: u32) -> bool {
        self.find(i).is_ok()
    }

    /// Insert one index; returns false if it was already present.
    pub fn insert(&mut self, i: u32) -> bool {
        let pos = match self.find(i) {
            Ok(_) => return false,
            Err(p) => p,
        };
        let joins_left = pos > 0 && self.ranges[pos - 1].1.checked_add(1) == Some(i);
        let joins_right = pos < self.ranges.len() && i.checked_add(1) == Some(self.ranges[pos].0);
        match (joins_left, joins_right) {
            (true, true) => {
                self.ranges[pos - 1].1 = self.ranges[pos].1;
                self.ranges.remove(pos);
            }
            (true, false) => self.ranges[pos - 1].1 = i,
            (false, true) => self.ranges[pos].0 = i,
            (false, false) => self.ranges.insert(pos, (i, i)),
        }
        true
    }

    pub fn insert_range(&mut self, a: u32, b: u32) {
        // Ranges here are small in number; insert endpoints and merge.
        if a > b {
            return;
        }
        let mut merged = Vec::with_capacity(self.ranges.len() + 1);
        let (mut lo, mut hi) = (a, b);
        let mut placed = false;
        for &(x, y) in &self.ranges {
            if (y as u64) + 1 < lo as u64 {
                merged.push((x, y));
            } else if (hi as u64) + 1 < x as u64 {
                if !placed {
                    merged.push((lo, hi));
                    placed = true;
                }
                merged.push((x, y));
            } else {
                lo = lo.min(x);
                hi = hi.max(y);
            }
        }
        if !placed {
            merged.push((lo, hi));
        }
        crate::sort::sort(&mut merged);
        self.ranges = merged;
    }

    /// Remove every index `>= limit`.
    pub fn truncate(&mut self, limit: u32) {
        self.ranges.retain(|&(a, _)| a < limit);
        if let Some(last) = self.ranges.last_mut() {
            if last.1 >= limit {
                last.1 = limit - 1;
            }
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.ranges.iter().flat_map(|&(a, b)| a..=b)
    }

    /// The lowest index in `0..limit` not in the set and not in `other`, starting at `from`.
    pub fn first_missing_from(&self, from: u32) -> u32 {
        match self.find(from) {
            Ok(p) => self.ranges[p].1.saturating_add(1),
            Err(_) => from,
        }
    }

    /// Lenient parse of a list string such as `"0,2-4"` (whitespace allowed); `None` if malformed.
    pub fn parse(s: &str) -> Option<IndexSet> {
        let mut set = IndexSet::new();
        let s = s.trim();
        if s.is_empty() {
            return Some(set);
        }
        for part in s.split(',') {
            let part = part.trim();
            let (a, b) = match part.split_once('-') {
                Some((a, b)) => (a.trim().parse().ok()?, b.trim().parse().ok()?),
                None => {
                    let v = part.parse().ok()?;
                    (v, v)
                }
            };
            if a > b {
                return None;
            }
            set.insert_range(a, b);
        }
        Some(set)
    }
}

impl fmt::Display for IndexSet {
    /// The controller's compressed form: `1,3-5,7`; two consecutive indexes stay `a,b`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for &(a, b) in &self.ranges {
            if !first {
                f.write_str(",")?;
            }
            first = false;
            match b - a {
                0 => write!(f, "{a}")?,
                1 => write!(f, "{a},{b}")?,
                _ => write!(f, "{a}-{b}")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compresses_runs_of_three_or_more() {
        let mut s = IndexSet::new();
        for i in [1, 3, 4, 5, 7] {
            s.insert(i);
        }
        assert_eq!(s.to_string(), "1,3-5,7");
        let mut s = IndexSet::new();
        s.insert(1);
        s.insert(0);
        assert_eq!(s.to_string(), "0,1");
        let mut s = IndexSet::new();
        for i in [9, 2, 8, 4, 5, 7] {
            s.insert(i);
        }
        assert_eq!(s.to_string(), "2,4,5,7-9");
        assert_eq!(s.len(), 6);
        assert!(s.contains(8) && !s.contains(6));
    }

    #[test]
    fn parses_lists() {
        assert_eq!(
            IndexSet::parse("0,2-4").unwrap().iter().collect::<Vec<_>>(),
            vec![0, 2, 3, 4]
        );
        assert_eq!(IndexSet::parse(" 1 , 3-5 ").unwrap().to_string(), "1,3-5");
        assert!(IndexSet::parse("4-2").is_none());
        assert!(IndexSet::parse("a").is_none());
        assert!(IndexSet::parse("").unwrap().is_empty());
    }

    #[test]
    fn first_missing() {
        let s = IndexSet::parse("0-3,5").unwrap();
        assert_eq!(s.first_missing_from(0), 4);
        assert_eq!(s.first_missing_from(4), 4);
        assert_eq!(s.first_missing_from(5), 6);
    }
}
