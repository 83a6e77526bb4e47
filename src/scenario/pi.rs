//! The digits of pi, as `perl -Mbignum=bpi -wle "print bpi(N)"` prints them:
//! N significant digits, the last one rounded. Machin's formula on base-10^9 limbs.

const BASE: u64 = 1_000_000_000;

/// Fixed-point number: limbs[0] is the integer part, then 9 decimal digits per limb.
struct Fixed {
    limbs: Vec<u64>,
}

impl Fixed {
    fn zero(n: usize) -> Fixed {
        Fixed { limbs: vec![0; n] }
    }
    fn is_zero(&self) -> bool {
        self.limbs.iter().all(|&l| l == 0)
    }
    fn div_small(&mut self, d: u64) {
        let mut rem = 0u64;
        for l in self.limbs.iter_mut() {
            let cur = rem * BASE + *l;
            *l = cur / d;
            rem = cur % d;
        }
    }
    fn add(&mut self, o: &Fixed) {
        let mut carry = 0;
        for i in (0..self.limbs.len()).rev() {
            let s = self.limbs[i] + o.limbs[i] + carry;
            self.limbs[i] = s % BASE;
            carry = s / BASE;
        }
    }
    fn sub(&mut self, o: &Fixed) {
        let mut borrow = 0i64;
        for i in (0..self.limbs.len()).rev() {
            let mut s = self.limbs[i] as i64 - o.limbs[i] as i64 - borrow;
            if s < 0 {
                s += BASE as i64;
                borrow = 1;
            } else {
                borrow = 0;
            }
            self.limbs[i] = s as u64;
        }
    }
    fn mul_small(&mut self, m: u64) {
        let mut carry = 0;
        for i in (0..self.limbs.len()).rev() {
            let s = self.limbs[i] * m + carry;
            self.limbs[i] = s % BASE;
            carry = s / BASE;
        }
    }
}

/// arctan(1/x) in fixed point with `n` limbs.
fn arctan_inv(x: u64, n: usize) -> Fixed {
    let mut sum = Fixed::zero(n);
    let mut power = Fixed::zero(n);
    power.limbs[0] = 1;
    power.div_small(x);
    let x2 = x * x;
    let mut k = 0u64;
    loop {
        let mut term = Fixed {
            limbs: power.limbs.clone(),
        };
        term.div_small(2 * k + 1);
        if term.is_zero() {
            break;
        }
        if k.is_multiple_of(2) {
            sum.add(&term);
        } else {
            sum.sub(&term);
        }
        power.div_small(x2);
        k += 1;
    }
    sum
}

/// Pi to `n` significant digits (`n >= 1`), e.g. `digits(5) == "3.1416"`.
pub fn digits(n: usize) -> String {
    let n = n.clamp(1, 100_000);
    let limbs = (n + 20) / 9 + 2;
    let mut a = arctan_inv(5, limbs);
    a.mul_small(16);
    let mut b = arctan_inv(239, limbs);
    b.mul_small(4);
    a.sub(&b);
    let mut all = a.limbs[0].to_string();
    for l in &a.limbs[1..] {
        all.push_str(&format!("{l:09}"));
    }
    // all = "3" followed by many decimals; round to n significant digits.
    let mut d: Vec<u8> = all.bytes().take(n + 1).map(|c| c - b'0').collect();
    let round_up = d.get(n).is_some_and(|&x| x >= 5);
    d.truncate(n);
    if round_up {
        let mut i = n;
        while i > 0 {
            i -= 1;
            if d[i] == 9 {
                d[i] = 0;
            } else {
                d[i] += 1;
                break;
            }
        }
    }
    let mut out = String::with_capacity(n + 1);
    out.push((b'0' + d[0]) as char);
    if n > 1 {
        out.push('.');
        out.extend(d[1..].iter().map(|&x| (b'0' + x) as char));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_perl_bignum() {
        assert_eq!(digits(5), "3.1416");
        assert_eq!(digits(1), "3");
        let d = digits(2000);
        assert_eq!(d.len(), 2001);
        assert!(d.starts_with("3.14159265358979323846264338327950288419716939937510"));
        // The last digits of `bpi(2000)` as printed in the source documents.
        assert!(d.ends_with("459958133904780275901"), "{}", &d[1980..]);
    }
}
