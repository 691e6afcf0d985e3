//! The keyness formulas of term comparison: log-likelihood G², Log Ratio, %DIFF and Gries' DP, with their rules for zero counts, as pure functions.
//!
//! Notation (as in corpus linguistics): a = occurrences in the target, b = in
//! the reference, c = words in the target, d = words in the reference.

use serde::Serialize;

/// Critical values of χ² with one degree of freedom, and their marks.
pub const SIGNIFICANCE: [(f64, &str); 3] = [(10.83, "***"), (6.63, "**"), (3.84, "*")];

/// What the Log Ratio adds to a zero frequency (documented rule: a zero
/// count is read as 0.5, so that a term absent from one side gets a finite,
/// conservative ratio; both zero gives no ratio).
pub const ZERO_COUNT: f64 = 0.5;

fn xlnx_over(o: f64, e: f64) -> f64 {
    if o > 0.0 && e > 0.0 {
        o * (o / e).ln()
    } else {
        0.0
    }
}

/// Log-likelihood G², 2-term form (Rayson & Garside 2000, UCREL's wizard):
/// 2·[a·ln(a/E1) + b·ln(b/E2)], E1 = c(a+b)/N, E2 = d(a+b)/N.
pub fn g2_two_term(a: u64, b: u64, c: u64, d: u64) -> Option<f64> {
    let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
    let n = c + d;
    if c <= 0.0 || d <= 0.0 || a > c || b > d {
        return None;
    }
    let e1 = c * (a + b) / n;
    let e2 = d * (a + b) / n;
    Some(finite(2.0 * (xlnx_over(a, e1) + xlnx_over(b, e2))))
}

/// Log-likelihood G², 4-term form (Dunning 1993): 2·Σ O·ln(O/E) over the
/// 2×2 table of the term and the other words in target and reference.
pub fn g2_four_term(a: u64, b: u64, c: u64, d: u64) -> Option<f64> {
    if c == 0 || d == 0 || a > c || b > d {
        return None;
    }
    let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
    let n = c + d;
    let e1 = c * (a + b) / n;
    let e2 = d * (a + b) / n;
    let e3 = c * (n - a - b) / n;
    let e4 = d * (n - a - b) / n;
    Some(finite(
        2.0 * (xlnx_over(a, e1) + xlnx_over(b, e2) + xlnx_over(c - a, e3) + xlnx_over(d - b, e4)),
    ))
}

/// The significance mark of a G² value: `***` p < 0.001, `**` p < 0.01, `*` p < 0.05, else empty.
pub fn significance(g2: f64) -> &'static str {
    SIGNIFICANCE
        .iter()
        .find(|(crit, _)| g2 >= *crit)
        .map_or("", |(_, mark)| mark)
}

/// Log Ratio (Hardie 2014): log2 of the ratio of relative frequencies, with
/// a zero count read as [`ZERO_COUNT`]; `None` when both counts are zero or a
/// side has no words. The flag says whether the zero rule was applied.
pub fn log_ratio(a: u64, b: u64, c: u64, d: u64) -> (Option<f64>, bool) {
    if (a == 0 && b == 0) || c == 0 || d == 0 {
        return (None, false);
    }
    let smoothed = a == 0 || b == 0;
    let fa = if a == 0 { ZERO_COUNT } else { a as f64 };
    let fb = if b == 0 { ZERO_COUNT } else { b as f64 };
    ((fa / c as f64) / (fb / d as f64))
        .log2()
        .pipe_finite(smoothed)
}

/// %DIFF (Gabrielatos & Marchi 2011): 100·(a/c − b/d)/(b/d); `None` when the
/// reference frequency is zero (the difference is unbounded).
pub fn pct_diff(a: u64, b: u64, c: u64, d: u64) -> Option<f64> {
    if b == 0 || c == 0 || d == 0 {
        return None;
    }
    let fa = a as f64 / c as f64;
    let fb = b as f64 / d as f64;
    Some(finite(100.0 * (fa - fb) / fb))
}

/// Rate per 10,000 words.
pub fn per_10k(count: u64, words: u64) -> Option<f64> {
    (words > 0).then(|| finite(count as f64 * 10_000.0 / words as f64))
}

/// Gries' DP over parts: `hits` are (count, size) of the parts where the
/// term occurs; `total_size` the size of all parts (S), `min_size` the
/// smallest part. Returns (DP, DPnorm); `None` when the term is absent.
///
/// DP = ½·Σ|vᵢ/f − sᵢ/S| over every part; the parts without the term each
/// contribute sᵢ/S, so only the parts with it need to be listed.
pub fn dispersion(
    hits: &[(u64, u64)],
    total_size: u64,
    min_size: u64,
) -> (Option<f64>, Option<f64>) {
    let f: u64 = hits.iter().map(|(v, _)| v).sum();
    if f == 0 || total_size == 0 {
        return (None, None);
    }
    let (f, s_total) = (f as f64, total_size as f64);
    let hit_size: u64 = hits.iter().map(|(_, s)| s).sum();
    // Summed in a fixed order: the parts come in the index's segment order,
    // which depends on how the writer's threads split the corpus, and a
    // float sum in another order can differ in its last digit.
    let mut parts: Vec<f64> = hits
        .iter()
        .map(|(v, s)| (*v as f64 / f - *s as f64 / s_total).abs())
        .collect();
    parts.sort_by(f64::total_cmp);
    let mut sum: f64 = parts.iter().sum();
    sum += (s_total - hit_size as f64).max(0.0) / s_total;
    let dp = finite(0.5 * sum);
    let denom = 1.0 - min_size as f64 / s_total;
    let norm = (denom > 0.0).then(|| finite(dp / denom));
    (Some(dp), norm)
}

fn finite(x: f64) -> f64 {
    if x.is_finite() { x } else { 0.0 }
}

trait PipeFinite {
    fn pipe_finite(self, flag: bool) -> (Option<f64>, bool);
}

impl PipeFinite for f64 {
    fn pipe_finite(self, flag: bool) -> (Option<f64>, bool) {
        (self.is_finite().then_some(self), flag)
    }
}

/// Every statistic of one term between a target and a reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keyness {
    /// The term.
    pub term: String,
    /// The target group.
    pub target: String,
    /// The reference group (`rest` = every selected passage outside the target).
    pub reference: String,
    /// Occurrences in the target (a).
    pub a: u64,
    /// Occurrences in the reference (b).
    pub b: u64,
    /// Words in the target (c).
    pub c: u64,
    /// Words in the reference (d).
    pub d: u64,
    /// Log-likelihood, 2-term form (Rayson & Garside 2000).
    pub g2: Option<f64>,
    /// Log-likelihood, 4-term form (Dunning 1993).
    pub g2_4term: Option<f64>,
    /// `***`, `**`, `*` at 10.83, 6.63, 3.84 (of the 2-term G²), else empty.
    pub sig: &'static str,
    /// `+` when relatively more frequent in the target, `-` when less, `=` when equal.
    pub direction: &'static str,
    /// Log Ratio: log2 of the ratio of relative frequencies.
    pub log_ratio: Option<f64>,
    /// True when a zero count was read as 0.5 for the Log Ratio.
    pub log_ratio_smoothed: bool,
    /// %DIFF; null when the reference frequency is zero.
    pub pct_diff: Option<f64>,
    /// Gries' DP of the term in the target.
    pub dp_target: Option<f64>,
    /// Gries' DP of the term in the reference.
    pub dp_reference: Option<f64>,
}

impl Keyness {
    /// Computes every statistic for counts a, b in groups of c, d words.
    pub fn compute(
        term: &str,
        target: &str,
        reference: &str,
        a: u64,
        b: u64,
        c: u64,
        d: u64,
    ) -> Keyness {
        let g2 = g2_two_term(a, b, c, d);
        let (lr, smoothed) = log_ratio(a, b, c, d);
        let fa = if c > 0 { a as f64 / c as f64 } else { 0.0 };
        let fb = if d > 0 { b as f64 / d as f64 } else { 0.0 };
        Keyness {
            term: term.to_owned(),
            target: target.to_owned(),
            reference: reference.to_owned(),
            a,
            b,
            c,
            d,
            g2,
            g2_4term: g2_four_term(a, b, c, d),
            sig: g2.map_or("", significance),
            direction: if fa > fb {
                "+"
            } else if fa < fb {
                "-"
            } else {
                "="
            },
            log_ratio: lr,
            log_ratio_smoothed: smoothed,
            pct_diff: pct_diff(a, b, c, d),
            dp_target: None,
            dp_reference: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(x: Option<f64>, want: f64, tol: f64) {
        let x = x.expect("a value");
        assert!((x - want).abs() < tol, "{x} is not {want}");
    }

    /// The worked example of the project notes: 12 in 2,000 words against 30 in 40,000.
    #[test]
    fn the_worked_example() {
        close(g2_two_term(12, 30, 2000, 40000), 25.74, 0.005);
        close(g2_four_term(12, 30, 2000, 40000), 25.79, 0.005);
        let (lr, smoothed) = log_ratio(12, 30, 2000, 40000);
        close(lr, 3.0, 1e-9);
        assert!(!smoothed);
        close(pct_diff(12, 30, 2000, 40000), 700.0, 1e-9);
        close(per_10k(12, 2000), 60.0, 1e-9);
        close(per_10k(30, 40000), 7.5, 1e-9);
        assert_eq!(significance(25.74), "***");
        assert_eq!(significance(5.0), "*");
        assert_eq!(significance(1.0), "");
    }

    #[test]
    fn zero_counts_follow_the_documented_rules() {
        // Absent from the reference: G² is defined, Log Ratio reads 0 as 0.5, %DIFF is unbounded.
        let g = g2_two_term(5, 0, 1000, 1000).expect("defined");
        assert!((g - 2.0 * 5.0 * (5.0f64 / 2.5).ln()).abs() < 1e-9);
        let (lr, smoothed) = log_ratio(5, 0, 1000, 1000);
        close(lr, (5.0f64 / 0.5).log2(), 1e-9);
        assert!(smoothed);
        assert_eq!(pct_diff(5, 0, 1000, 1000), None);
        assert_eq!(log_ratio(0, 0, 10, 10), (None, false));
        assert_eq!(g2_two_term(0, 0, 10, 10), Some(0.0));
        assert_eq!(g2_two_term(1, 1, 0, 10), None);
        assert_eq!(per_10k(3, 0), None);
        let k = Keyness::compute("t", "A", "B", 0, 4, 100, 100);
        assert_eq!(k.direction, "-");
        assert!(k.log_ratio.is_some_and(|x| x < 0.0));
    }

    /// The notes' dispersion example: counts 6, 3, 3, 0 over four equal parts.
    #[test]
    fn gries_dp() {
        let hits = [(6, 100), (3, 100), (3, 100)];
        let (dp, norm) = dispersion(&hits, 400, 100);
        close(dp, 0.25, 1e-9);
        close(norm, 0.3333, 1e-3);
        // Perfectly even: 0.
        let (dp, _) = dispersion(&[(1, 10), (1, 10)], 20, 10);
        close(dp, 0.0, 1e-12);
        assert_eq!(dispersion(&[], 400, 100), (None, None));
    }

    #[test]
    fn dispersion_does_not_depend_on_the_order_of_the_parts() {
        let hits: Vec<(u64, u64)> = (1..40u64).map(|i| (i % 7 + 1, 97 + i * 13)).collect();
        let total: u64 = hits.iter().map(|(_, s)| s).sum::<u64>() + 5_000;
        let forward = dispersion(&hits, total, 50);
        let mut backward = hits.clone();
        backward.reverse();
        let mut shuffled = hits.clone();
        shuffled.rotate_left(17);
        shuffled.swap(3, 30);
        for other in [backward, shuffled] {
            let again = dispersion(&other, total, 50);
            assert_eq!(
                forward.0.map(f64::to_bits),
                again.0.map(f64::to_bits),
                "DP differs in its bits"
            );
            assert_eq!(forward.1.map(f64::to_bits), again.1.map(f64::to_bits));
        }
    }
}
