//! Cron schedules as the CronJob controller parses them (robfig/cron
//! `ParseStandard`). PLACEHOLDER: minute-by-minute search; to be replaced.

use super::zone::Zone;

#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    fields: [Vec<bool>; 5],
}

fn field(s: &str, lo: u32, hi: u32) -> Result<Vec<bool>, String> {
    let mut v = vec![false; hi as usize + 1];
    for part in s.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((r, st)) => (
                r,
                st.parse::<u32>().map_err(|_| format!("bad step {st:?}"))?,
            ),
            None => (part, 1),
        };
        let (a, b) = if range == "*" || range == "?" {
            (lo, hi)
        } else if let Some((a, b)) = range.split_once('-') {
            (
                a.parse().map_err(|_| format!("bad value {a:?}"))?,
                b.parse().map_err(|_| format!("bad value {b:?}"))?,
            )
        } else {
            let x: u32 = range.parse().map_err(|_| format!("bad value {range:?}"))?;
            (x, if part.contains('/') { hi } else { x })
        };
        if a < lo || b > hi || a > b || step == 0 {
            return Err(format!("value out of range: {part}"));
        }
        let mut i = a;
        while i <= b {
            v[i as usize] = true;
            i += step;
        }
    }
    Ok(v)
}

impl Schedule {
    pub fn parse(spec: &str) -> Result<Schedule, String> {
        let f: Vec<&str> = spec.split_whitespace().collect();
        if f.len() != 5 {
            return Err(format!(
                "expected exactly 5 fields, found {}: [{}]",
                f.len(),
                f.join(" ")
            ));
        }
        Ok(Schedule {
            fields: [
                field(f[0], 0, 59)?,
                field(f[1], 0, 23)?,
                field(f[2], 1, 31)?,
                field(f[3], 1, 12)?,
                field(f[4], 0, 6)?,
            ],
        })
    }

    /// The first activation strictly after `after` (unix seconds).
    pub fn next(&self, after: i64, zone: &Zone) -> Option<i64> {
        let mut t = (after.div_euclid(60) + 1) * 60;
        for _ in 0..(5 * 366 * 1440) {
            let c = crate::cluster::wallclock::civil(t + zone.offset_at(t));
            if self.fields[0][c.minute as usize]
                && self.fields[1][c.hour as usize]
                && self.fields[2][c.day as usize]
                && self.fields[3][c.month as usize]
                && self.fields[4][c.weekday as usize]
            {
                return Some(t);
            }
            t += 60;
        }
        None
    }
}
