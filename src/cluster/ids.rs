//! Deterministic identities: uids and pod-name suffixes from the Scenario's seed,
//! never from global randomness. Suffixes use Kubernetes' alphabet (no vowels, no
//! 0, 1 or 3) as `generateName` does.

/// Kubernetes' `utilrand` alphabet for generated names.
pub const ALPHANUMS: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";

/// A small, fast, seeded generator (SplitMix64): same seed, same sequence, everywhere.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// The 5-character suffix `generateName` appends.
    pub fn name_suffix(&mut self) -> String {
        let mut v = self.next_u64();
        (0..5)
            .map(|_| {
                let c = ALPHANUMS[(v % ALPHANUMS.len() as u64) as usize] as char;
                v /= ALPHANUMS.len() as u64;
                c
            })
            .collect()
    }
    pub fn uid(&mut self) -> String {
        format_uuid(self.next_u64(), self.next_u64())
    }
}

fn format_uuid(a: u64, b: u64) -> String {
    // Version 4, variant 1 layout.
    let a = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000;
    let b = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xFFFF,
        a & 0xFFFF,
        b >> 48,
        b & 0xFFFF_FFFF_FFFF
    )
}

/// FNV-1a, for mixing names into seeds.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The uid of an object, from the seed, its kind and its name.
pub fn uid_for(seed: u64, kind: &str, name: &str) -> String {
    let mut r = Rng::new(seed ^ fnv1a(kind.as_bytes()).rotate_left(17) ^ fnv1a(name.as_bytes()));
    r.uid()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_use_the_kubernetes_alphabet_and_are_repeatable() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..100 {
            let s = a.name_suffix();
            assert_eq!(s, b.name_suffix());
            assert_eq!(s.len(), 5);
            assert!(s.bytes().all(|c| ALPHANUMS.contains(&c)));
        }
        assert_ne!(Rng::new(1).name_suffix(), Rng::new(2).name_suffix());
    }

    #[test]
    fn uids_look_like_uuids() {
        let u = uid_for(1, "Job", "pi");
        assert_eq!(u.len(), 36);
        assert_eq!(u.as_bytes()[14], b'4');
        assert_eq!(u, uid_for(1, "Job", "pi"));
        assert_ne!(u, uid_for(1, "Job", "pj"));
    }
}
